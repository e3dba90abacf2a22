import type { Strings } from '../strings'
import { esInbox } from './esInbox'
import { esSettings } from './esSettings'

/**
 * Every string of the components in Spanish, for clinics that text their clients in Spanish (US
 * Spanish: "usted", neutral vocabulary). Pass it to `InboxProvider` with a Spanish locale, so
 * dates and numbers follow it too: `<InboxProvider client={client} strings={es} locale="es-US">`.
 * Typed as the whole dictionary: a string added in English and not here fails the build.
 */
export const es: Strings = { ...esInbox, ...esSettings }
