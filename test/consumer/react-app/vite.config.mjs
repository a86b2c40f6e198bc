// The consumer application's Vite configuration, as a new React project would have it.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({ plugins: [react()], logLevel: 'warn' })
