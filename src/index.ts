'use client'
export * from './client/index'
