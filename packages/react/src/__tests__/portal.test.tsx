import { useDirection } from '@radix-ui/react-direction'
import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Inbox, InboxProvider, InboxTheme } from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()

/** What Radix's primitives inside the root read as the text direction. */
function DirectionProbe() {
  return <output aria-label="direction">{useDirection()}</output>
}

describe('the themed root that hosts menus and dialogs', () => {
  it('takes the direction of a dir attribute around it at once, with no timer to wait for', () => {
    const { client } = setup(server)
    render(
      <div dir="rtl">
        <InboxProvider client={client}>
          <InboxTheme>
            <DirectionProbe />
          </InboxTheme>
        </InboxProvider>
      </div>,
    )
    expect(screen.getByRole('status', { name: 'direction' })).toHaveTextContent('rtl')
  })

  it('takes a direction a stylesheet gives it (no attribute) just after it is drawn', async () => {
    const { client } = setup(server)
    render(
      <InboxProvider client={client}>
        <InboxTheme style={{ direction: 'rtl' }}>
          <DirectionProbe />
        </InboxTheme>
      </InboxProvider>,
    )
    await waitFor(() => expect(screen.getByRole('status', { name: 'direction' })).toHaveTextContent('rtl'))
  })

  it('is left to right where nothing says otherwise', async () => {
    const { client } = setup(server)
    render(
      <InboxProvider client={client}>
        <InboxTheme>
          <DirectionProbe />
        </InboxTheme>
      </InboxProvider>,
    )
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(screen.getByRole('status', { name: 'direction' })).toHaveTextContent('ltr')
  })

  it('is found without drawing the whole inbox a second time when it mounts', () => {
    const { client } = setup(server)
    // The Inbox reads its part's class name once per render: count the reads.
    let inboxRenders = 0
    const classNames = new Proxy({} as Record<string, string>, {
      get: (_, part) => {
        if (part === 'inbox') inboxRenders++
        return undefined
      },
    })
    render(
      <InboxProvider client={client} classNames={classNames}>
        <Inbox />
      </InboxProvider>,
    )
    // Before any reply: the mount is one render (holding the root element in the Inbox's own
    // state drew all of it again as soon as it mounted).
    expect(inboxRenders).toBe(1)
  })
})
