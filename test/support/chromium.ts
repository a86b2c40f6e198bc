/**
 * How every browser test here launches Chromium: Debian's build (installed by .ci/run, or
 * pointed at with CHROMIUM_PATH), since nothing may download a browser of its own, with the
 * flags a closed network and a root user need.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
