import type { ReactNode } from 'react'

/**
 * What a component shows for one of its optional props: `preset` when the prop is undefined,
 * what the prop returns when it is a function, else the prop itself (`null` shows nothing).
 *
 * @param prop - The prop as given: a node, a function of `args`, or undefined.
 * @param preset - The component's default.
 * @param args - What a function prop is called with.
 * @returns The node to render.
 */
export function pick<A extends unknown[]>(
  prop: ReactNode | ((...args: A) => ReactNode),
  preset: ReactNode,
  ...args: A
): ReactNode {
  return prop === undefined ? preset : typeof prop === 'function' ? prop(...args) : prop
}
