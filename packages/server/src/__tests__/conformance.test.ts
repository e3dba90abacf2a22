import { transportConformance } from '@switchboard/core/testing'
import { conformanceTarget } from './serverHarness'

// Core's transport suite against the reference server over real HTTP and socket.io on 127.0.0.1.
transportConformance('createHttpTransport over the reference server (SQLite)', () => conformanceTarget())
