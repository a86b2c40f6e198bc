/**
 * One line of the benchmark table. `ratio` is always `figure / baseline`, both measured in the
 * same run, so that a noisy machine changes both sides alike.
 */
export interface Row {
  /** What was measured, such as `bundle: main entry`. */
  benchmark: string
  /** The library's figure, formatted with its unit. */
  figure: string
  /** What the figure is compared with, formatted with its unit and what it is. */
  baseline: string
  /** `figure / baseline`; undefined when there is no numeric baseline. */
  ratio: number | undefined
  /** The goal, in words, such as `≤ 15 kB`; `-` when there is none. */
  target: string
  /** Whether the target is met; undefined when there is no target. */
  ok: boolean | undefined
}

/**
 * Builds a row from raw numbers.
 *
 * @param fields - The row's text and its two numbers; the ratio is computed here.
 * @returns The row, with `ratio = figure / baseline` when both numbers are given.
 */
export function row(fields: {
  benchmark: string
  figure: string
  baseline: string
  figureValue?: number | undefined
  baselineValue?: number | undefined
  target?: string | undefined
  ok?: boolean | undefined
}): Row {
  const { figureValue, baselineValue } = fields
  const ratio =
    figureValue !== undefined && baselineValue !== undefined && baselineValue !== 0
      ? figureValue / baselineValue
      : undefined
  return {
    benchmark: fields.benchmark,
    figure: fields.figure,
    baseline: fields.baseline,
    ratio,
    target: fields.target ?? '-',
    ok: fields.ok,
  }
}

/**
 * Renders rows as a markdown table, padded as Biome formats markdown, so that the written
 * results file passes `npm run lint` as it is.
 *
 * @param rows - The rows, in order.
 * @returns The table, one line per row after the header.
 */
export function markdownTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'figure', 'baseline (same run)', 'ratio', 'target', 'ok']
  const right = [false, false, false, true, true, true]
  const cells = rows.map((r) => [
    r.benchmark,
    r.figure,
    r.baseline,
    formatRatio(r.ratio),
    r.target,
    r.ok === undefined ? '-' : r.ok ? 'yes' : '**no**',
  ])
  const widths = header.map((title, i) =>
    Math.max(3, title.length, ...cells.map((line) => (line[i] as string).length)),
  )
  const pad = (text: string, i: number) =>
    right[i] ? text.padStart(widths[i] as number) : text.padEnd(widths[i] as number)
  const line = (texts: string[]) => `| ${texts.map(pad).join(' | ')} |`
  const rule = widths.map((width, i) =>
    right[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
  )
  return [line(header), `| ${rule.join(' | ')} |`, ...cells.map(line)].join('\n')
}

function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined) return '-'
  if (ratio >= 100) return ratio.toFixed(0)
  if (ratio >= 10) return ratio.toFixed(1)
  if (ratio >= 0.01) return ratio.toFixed(2)
  return ratio.toPrecision(2)
}
