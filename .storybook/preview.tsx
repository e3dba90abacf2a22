import type { Preview } from '@storybook/react-vite'
import { InboxProvider, InboxTheme } from '@switchboard/react'
import { es } from '@switchboard/react/locales/es'
import '../packages/react/src/styles/styles.css'
import './themes.css'
import { configure } from 'storybook/test'
import { type BackendParameters, loadBackend } from './backend'

// Play functions wait up to 5 s for what they look for, as the jsdom tests do: a dialog or menu
// loads its chunk on first use, which on a cold dev server under a full test run (the end-to-end
// tests share the two cores) can take past Testing Library's default 1 s. Speed is the bench's.
configure({ asyncUtilTimeout: 5000 })

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    theme: {
      description: 'Inbox theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark', 'brand'], dynamicTitle: true },
    },
    locale: {
      description: 'Language of the components (strings, dates, numbers)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  loaders: [async ({ parameters }) => loadBackend(parameters.backend as BackendParameters | undefined)],
  decorators: [
    (Story, { loaded, globals, parameters }) => (
      <InboxProvider
        client={loaded.client}
        unstyled={parameters.unstyled}
        classNames={parameters.classNames}
        {...(globals.locale === 'es' ? { strings: es, locale: 'es-US' } : { locale: 'en-US' })}
      >
        <div
          style={{ height: parameters.height ?? '100vh', padding: parameters.padded ? 16 : 0, boxSizing: 'border-box' }}
        >
          <InboxTheme
            theme={globals.theme}
            className="sb-story"
            // A page that grows with its content (settings, reports) keeps its theme down to the bottom.
            style={parameters.height === 'auto' ? { minHeight: '100vh' } : undefined}
          >
            <Story />
          </InboxTheme>
        </div>
      </InboxProvider>
    ),
  ],
}

export default preview
