import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ConversationList, defaultStrings, InboxProvider, plural } from '../index'
import { setup, startMsw } from './harness'

const server = startMsw()

describe('plural', () => {
  it('picks the form of each plural category the language has, else the plain key', () => {
    const polish = {
      ...defaultStrings,
      unreadTexts: '{count} nieprzeczytanych SMS-ów',
      unreadTexts_one: '{count} nieprzeczytany SMS',
      unreadTexts_few: '{count} nieprzeczytane SMS-y',
    }
    expect(plural(polish, 'unreadTexts', 1, 'pl')).toBe('1 nieprzeczytany SMS')
    expect(plural(polish, 'unreadTexts', 3, 'pl')).toBe('3 nieprzeczytane SMS-y')
    expect(plural(polish, 'unreadTexts', 5, 'pl')).toBe('5 nieprzeczytanych SMS-ów')
    expect(plural(polish, 'unreadTexts', 22, 'pl')).toBe('22 nieprzeczytane SMS-y')
    const arabic = { ...defaultStrings, unreadTexts: '{count} رسالة', unreadTexts_two: 'رسالتان' }
    expect(plural(arabic, 'unreadTexts', 2, 'ar')).toBe('رسالتان')
    expect(plural(defaultStrings, 'unreadTexts', 1200, 'en')).toBe('1,200 unread texts')
    expect(plural(defaultStrings, 'unreadTexts', 1, 'en')).toBe('1 unread text')
  })

  it('says a row’s unread count in the language’s plural form', async () => {
    const { client } = setup(server)
    render(
      <InboxProvider
        client={client}
        locale="pl"
        strings={{ unreadCount: '{count} nieprzeczytanych', unreadCount_few: '{count} nieprzeczytane' }}
      >
        <div style={{ height: 600 }}>
          <ConversationList />
        </div>
      </InboxProvider>,
    )
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    const counts = (await within(list).findAllByText(/nieprzeczytan/)).map((n) => n.textContent)
    for (const text of counts) {
      const n = Number(text?.split(' ')[0])
      const few = [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100)
      expect(text).toBe(`${n} ${few ? 'nieprzeczytane' : 'nieprzeczytanych'}`)
    }
    expect(counts.length).toBeGreaterThan(0)
  })
})
