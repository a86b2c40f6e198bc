import type { Meta, StoryObj } from '@storybook/react-vite'
import { HttpResponse, http } from 'msw'
import { useEffect, useState } from 'react'
import { expect, within } from 'storybook/test'
import { GafaelfawrClient } from '../src/client'

function Probe() {
  const [name, setName] = useState('loading')
  useEffect(() => {
    new GafaelfawrClient({ baseUrl: '/auth/api/v1' }).getUserInfo().then((u) => setName(u.username))
  }, [])
  return <p>{name}</p>
}

const meta = { title: 'Infra', component: Probe } satisfies Meta<typeof Probe>
export default meta

export const Works: StoryObj<typeof meta> = {
  beforeEach({ msw }) {
    msw.use(http.get('/auth/api/v1/user-info', () => HttpResponse.json({ username: 'someuser' })))
  },
  async play({ canvasElement }) {
    await expect(await within(canvasElement).findByText('someuser')).toBeInTheDocument()
  },
}
