import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { entries } from './entries'

const root = document.getElementById('root')
if (root === null) throw new Error('no #root element')
root.dataset.entries = Object.keys(entries).join(' ')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
