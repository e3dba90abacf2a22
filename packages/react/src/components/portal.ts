'use client'
import { createContext, useContext } from 'react'

/** Where menus and dialogs portal to: inside the inbox root, so they keep its theme. */
export const PortalContainerContext = createContext<HTMLElement | null>(null)
export const usePortalContainer = (): HTMLElement | undefined => useContext(PortalContainerContext) ?? undefined
