import type { MemoryFileStore } from '@switchboard/service'
import { HttpResponse, http } from 'msw'

/** A 48×36 gradient PNG that stands in for seed photos, which have no bytes of their own. */
const PLACEHOLDER_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAkCAIAAABAJy5dAAAMJklEQVR42hXWAee7XBjG8edl/83MzMzMzEySJEmSJEeOJPlKkhxJkiPpxTz9egUfnfu+r+u/fyYnk7PJxeRqcjO5mzxMniYvk7fJx+Rr8jMxTEwTy8Q2cUxcE8/ENwlMQpPIJDZJTFITYZKZSJPcpDApTSoTTGqTxqQ16Ux6E2UymIwmk8lssphok//+WZwszhYXi6vFzeJu8bB4Wrws3hYfi6/Fz8KwMC0sC9vCsXAtPAvfIrAILSKL2CKxSC2ERWYhLXKLwqK0qCywqC0ai9ais+gtlMVgMVpMFrPFYqGtA2RzsjnbXGyuNjebu83D5mnzsnnbfGy+Nj8bw8a0sWxsG8fGtfFsfJvAJrSJbGKbxCa1ETaZjbTJbQqb0qaywaa2aWxam86mt1E2g81oM9nMNouNtg+Qw8nh7HBxuDrcHO4OD4enw8vh7fBx+Dr8HAwH08FysB0cB9fBc/AdAofQIXKIHRKH1EE4ZA7SIXcoHEqHygGH2qFxaB06h95BOQwOo8PkMDssDto5QC4nl7PLxeXqcnO5uzxcni4vl7fLx+Xr8nMxXEwXy8V2cVxcF8/FdwlcQpfIJXZJXFIX4ZK5SJfcpXApXSoXXGqXxqV16Vx6F+UyuIwuk8vssrho9wB5nDzOHhePq8fN4+7x8Hh6vDzeHh+Pr8fPw/AwPSwP28PxcD08D98j8Ag9Io/YI/FIPYRH5iE9co/Co/SoPPCoPRqP1qPz6D2Ux+Axekwes8fiob0D5HPyOftcfK4+N5+7z8Pn6fPyeft8fL4+Px/Dx/SxfGwfx8f18Xx8n8An9Il8Yp/EJ/URPpmP9Ml9Cp/Sp/LBp/ZpfFqfzqf3UT6Dz+gz+cw+i4/2D1DAKeAccAm4BtwC7gGPgGfAK+Ad8An4BvwCjAAzwAqwA5wAN8AL8AOCgDAgCogDkoA0QARkATIgDygCyoAqgIA6oAloA7qAPkAFDAFjwBQwBywBOjhAIaeQc8gl5BpyC7mHPEKeIa+Qd8gn5BvyCzFCzBArxA5xQtwQL8QPCULCkCgkDklC0hARkoXIkDykCClDqhBC6pAmpA3pQvoQFTKEjCFTyByyhOjwAEWcIs4Rl4hrxC3iHvGIeEa8It4Rn4hvxC/CiDAjrAg7wolwI7wIPyKICCOiiDgiiUgjREQWISPyiCKijKgiiKgjmog2oovoI1TEEDFGTBFzxBKhowMUc4o5x1xirjG3mHvMI+YZ84p5x3xivjG/GCPGjLFi7Bgnxo3xYvyYICaMiWLimCQmjRExWYyMyWOKmDKmiiGmjmli2pgupo9RMUPMGDPFzDFLjI4PUMIp4ZxwSbgm3BLuCY+EZ8Ir4Z3wSfgm/BKMBDPBSrATnAQ3wUvwE4KEMCFKiBOShDRBJGQJMiFPKBLKhCqBhDqhSWgTuoQ+QSUMCWPClDAnLAk6OUApp5RzyiXlmnJLuac8Up4pr5R3yiflm/JLMVLMFCvFTnFS3BQvxU8JUsKUKCVOSVLSFJGSpciUPKVIKVOqFFLqlCalTelS+hSVMqSMKVPKnLKk6PQACU6Cs+AiuApugrvgIXgKXoK34CP4Cn4CQ2AKLIEtcASuwBP4gkAQCiJBLEgEqUAIMoEU5IJCUAoqAYJa0AhaQSfoBUowCEbBJJgFi0CLA5RxyjhnXDKuGbeMe8Yj45nxynhnfDK+Gb8MI8PMsDLsDCfDzfAy/IwgI8yIMuKMJCPNEBlZhszIM4qMMqPKIKPOaDLajC6jz1AZQ8aYMWXMGUuGzg6Q5CQ5Sy6Sq+QmuUsekqfkJXlLPpKv5CcxJKbEktgSR+JKPIkvCSShJJLEkkSSSoQkk0hJLikkpaSSIKkljaSVdJJeoiSDZJRMklmySLQ8QDmnnHPOJeeac8u55zxynjmvnHfOJ+eb88sxcswcK8fOcXLcHC/HzwlywpwoJ85JctIckZPlyJw8p8gpc6occuqcJqfN6XL6HJUz5Iw5U86cs+To/AAVnArOBZeCa8Gt4F7wKHgWvAreBZ+Cb8GvwCgwC6wCu8ApcAu8Ar8gKAgLooK4IClIC0RBViAL8oKioCyoCiioC5qCtqAr6AtUwVAwFkwFc8FSoIsDVHIqOZdcSq4lt5J7yaPkWfIqeZd8Sr4lvxKjxCyxSuwSp8Qt8Ur8kqAkLIlK4pKkJC0RJVmJLMlLipKypCqhpC5pStqSrqQvUSVDyVgylcwlS4kuD1DFqeJccam4Vtwq7hWPimfFq+Jd8an4VvwqjAqzwqqwK5wKt8Kr8CuCirAiqogrkoq0QlRkFbIirygqyoqqgoq6oqloK7qKvkJVDBVjxVQxVywVujpAcIIzXOAKN7jDA57wgjd84As/MP5q8VFEj+p3lK2j3hyF4ojwIzSPmDqC4TjFx/E7zs2x4MdKHUN8jM3xUMevOTB/Xw0NtNBBDwoGGGGCGRbQHKCaU8255lJzrbnV3GseNc+aV8275lPzrfnVGDVmjVVj1zg1bo1X49cENWFNVBPXJDVpjajJamRNXlPUlDVV/cepa5qatqar6WtUzVAz1kw1c81So+sD1HBqODdcGq4Nt4Z7w6Ph2fBqeDd8Gr4NvwajwWywGuwGp8Ft8Br8hqAhbIga4oakIW0QDVmDbMgbioayoWr+fk7d0DS0DV1D36AahoaxYWqYG5YG3RygllPLueXScm25tdxbHi3PllfLu+XT8m35tRgtZovVYrc4LW6L1+K3BC1hS9QStyQtaYtoyVpkS95StJQtVfv3VHVL09K2dC19i2oZWsaWqWVuWVp0e4A6Th3njkvHtePWce94dDw7Xh3vjk/Ht+PXYXSYHVaH3eF0uB1eh98RdIQdUUfckXSkHaIj65AdeUfRUXZU3d/g1B1NR9vRdfQdqmPoGDumjrlj6dDdAeo59Zx7Lj3XnlvPvefR8+x59bx7Pj3fnl+P0WP2WD12j9Pj9ng9fk/QE/ZEPXFP0pP2iJ6sR/bkPUVP2VP1f2Nc9zQ9bU/X0/eonqFn7Jl65p6lR/cHSHFSnBUXxVVxU9wVD8VT8VK8FR/FV/FTGApTYSlshaNwFZ7CVwSKUBEpYkWiSBVCkSmkIlcUilJRqb+lqhWNolV0il6hFINiVEyKWbEotDpAA6eB88Bl4DpwG7gPPAaeA6+B98Bn4DvwGzAGzAFrwB5wBtwBb8AfCAbCgWggHkgG0gExkA3IgXygGCgHquFvxeuBZqAd6Ab6ATUwDIwD08A8sAzo4QCNnEbOI5eR68ht5D7yGHmOvEbeI5+R78hvxBgxR6wRe8QZcUe8EX8kGAlHopF4JBlJR8RINiJH8pFipBypxr+DU480I+1IN9KPqJFhZByZRuaRZUSPB2jiNHGeuExcJ24T94nHxHPiNfGe+Ex8J34TxoQ5YU3YE86EO+FN+BPBRDgRTcQTyUQ6ISayCTmRTxQT5UQ1/Z2/eqKZaCe6iX5CTQwT48Q0MU8sE3o6QDOnmfPMZeY6c5u5zzxmnjOvmffMZ+Y785sxZswZa8aecWbcGW/GnwlmwploJp5JZtIZMZPNyJl8ppgpZ6r57xjXM81MO9PN9DNqZpgZZ6aZeWaZ0fMBWjgtnBcuC9eF28J94bHwXHgtvBc+C9+F34KxYC5YC/aCs+AueAv+QrAQLkQL8UKykC6IhWxBLuQLxUK5UC1/0VAvNAvtQrfQL6iFYWFcmBbmhWVBLwdIc9KcNRfNVXPT3DUPzVPz0rw1H81X89MYGlNjaWyNo3E1nsbXBJpQE2liTaJJNUKTaaQm1xSaUlPpv6CqNY2m1XSaXqM0g2bUTJpZs2i0PkArp5XzymXlunJbua88Vp4rr5X3ymflu/JbMVbMFWvFXnFW3BVvxV8JVsKVaCVeSVbSFbGSrciVfKVYKVeqFVbqlWalXelW+hW1MqyMK9PKvLKs6PUAbZw2zhuXjevGbeO+8dh4brw23hufje/Gb8PYMDesDXvD2XA3vA1/I9gIN6KNeCPZSDfERrYhN/KNYqPcqDbYqDeajXaj2+g31MawMW5MG/PGsqG3A7Rz2jnvXHauO7ed+85j57nz2nnvfHa+O78dY8fcsXbsHWfH3fF2/J1gJ9yJduKdZCfdETvZjtzJd4qdcqfaYafeaXbanW6n31E7w864M+3MO8uO3vkf0nFLU0C74L0AAAAASUVORK5CYII='

/** A one-page PDF that stands in for seed documents. */
const PLACEHOLDER_PDF = [
  '%PDF-1.4',
  '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>> endobj',
  'trailer <</Root 1 0 R>>',
  '%%EOF',
].join('\n')

function placeholder(id: string): { contentType: string; data: Uint8Array } {
  if (/invoice|intake|dental|\.pdf$/i.test(id)) {
    return { contentType: 'application/pdf', data: new TextEncoder().encode(PLACEHOLDER_PDF) }
  }
  return { contentType: 'image/png', data: Uint8Array.from(atob(PLACEHOLDER_PNG), (c) => c.charCodeAt(0)) }
}

/**
 * Serves uploaded files at `${baseUrl}/files/:id` with headers that keep a browser from
 * running them (`nosniff`, a sandboxing CSP, attachment disposition for anything not an image).
 */
export function fileRoute(baseUrl: string, files: MemoryFileStore) {
  return http.get(`${baseUrl}/files/:id`, ({ params }) => {
    const id = decodeURIComponent(String(params.id))
    const file = files.get(id) ?? (id.startsWith('att_') ? { name: id, ...placeholder(id) } : undefined)
    if (!file) return HttpResponse.json({ error: { code: 'not_found', message: 'No such file.' } }, { status: 404 })
    const inline = file.contentType.startsWith('image/')
    const name = 'name' in file ? file.name : id
    return new HttpResponse(file.data, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Length': String(file.data.byteLength),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    })
  })
}
