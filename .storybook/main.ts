import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    // The library build's declaration plugin has no place in Storybook.
    viteConfig.plugins = (viteConfig.plugins ?? []).filter(
      (plugin) => !(plugin && 'name' in plugin && String(plugin.name).includes('dts')),
    )
    return viteConfig
  },
}

export default config
