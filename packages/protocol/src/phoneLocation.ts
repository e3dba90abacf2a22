/**
 * Where a North American number is likely to be, by its area code: the state or province
 * (`US-FL`, `CA-ON`) and the time zones it spans. Area codes follow the NANPA assignments (2026).
 * A number keeps its area code when its owner moves, so this is a hint: rules that use it read
 * every zone listed (a state that spans two zones lists both) and fall back to the clinic's.
 */
const ET = 'America/New_York'
const CT = 'America/Chicago'
const MT = 'America/Denver'
const PT = 'America/Los_Angeles'

/** Region, its zones, its area codes; then area codes whose zones differ from the region's. */
const REGIONS: Array<[region: string, zones: string[], codes: string, overrides?: Record<string, string[]>]> = [
  ['US-AL', [CT], '205 251 256 334 483 659 938'],
  ['US-AK', ['America/Anchorage', 'America/Adak'], '907'],
  ['US-AZ', ['America/Phoenix'], '480 520 602 623 928'],
  ['US-AR', [CT], '327 479 501 870'],
  [
    'US-CA',
    [PT],
    '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 831 837 840 858 909 916 925 949 951',
  ],
  ['US-CO', [MT], '303 719 720 970 983'],
  ['US-CT', [ET], '203 475 860 959'],
  ['US-DE', [ET], '302'],
  ['US-DC', [ET], '202 771'],
  [
    'US-FL',
    [ET],
    '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954',
    { '850': [ET, CT], '448': [ET, CT] },
  ],
  ['US-GA', [ET], '229 404 470 478 678 706 762 770 912 943'],
  ['US-HI', ['Pacific/Honolulu'], '808'],
  ['US-ID', ['America/Boise', PT], '208 986'],
  ['US-IL', [CT], '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872'],
  [
    'US-IN',
    ['America/Indiana/Indianapolis'],
    '219 260 317 463 574 765 812 930',
    { '219': [CT], '812': [ET, CT], '930': [ET, CT] },
  ],
  ['US-IA', [CT], '319 515 563 641 712'],
  ['US-KS', [CT], '316 620 785 913', { '620': [CT, MT], '785': [CT, MT] }],
  ['US-KY', [ET], '270 364 502 606 859', { '270': [CT, ET], '364': [CT, ET] }],
  ['US-LA', [CT], '225 318 337 504 985'],
  ['US-ME', [ET], '207'],
  ['US-MD', [ET], '227 240 301 410 443 667'],
  ['US-MA', [ET], '339 351 413 508 617 774 781 857 978'],
  [
    'US-MI',
    ['America/Detroit'],
    '231 248 269 313 517 586 616 679 734 810 906 947 989',
    { '906': ['America/Detroit', 'America/Menominee'] },
  ],
  ['US-MN', [CT], '218 320 507 612 651 763 924 952'],
  ['US-MS', [CT], '228 601 662 769'],
  ['US-MO', [CT], '235 314 417 557 573 636 660 816 975'],
  ['US-MT', [MT], '406'],
  ['US-NE', [CT], '308 402 531', { '308': [CT, MT] }],
  ['US-NV', [PT], '702 725 775'],
  ['US-NH', [ET], '603'],
  ['US-NJ', [ET], '201 551 609 640 732 848 856 862 908 973'],
  ['US-NM', [MT], '505 575'],
  ['US-NY', [ET], '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934'],
  ['US-NC', [ET], '252 336 472 704 743 828 910 919 980 984'],
  ['US-ND', [CT, MT], '701'],
  ['US-OH', [ET], '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937'],
  ['US-OK', [CT], '405 539 572 580 918'],
  ['US-OR', [PT], '458 503 541 971', { '458': [PT, 'America/Boise'], '541': [PT, 'America/Boise'] }],
  ['US-PA', [ET], '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'],
  ['US-RI', [ET], '401'],
  ['US-SC', [ET], '803 821 839 843 854 864'],
  ['US-SD', [CT, MT], '605'],
  ['US-TN', [CT], '423 615 629 731 865 901 931', { '423': [ET, CT], '865': [ET] }],
  [
    'US-TX',
    [CT],
    '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 945 956 972 979',
    { '915': [MT], '432': [CT, MT] },
  ],
  ['US-UT', [MT], '385 435 801'],
  ['US-VT', [ET], '802'],
  ['US-VA', [ET], '276 434 540 571 686 703 757 804 826 948'],
  ['US-WA', [PT], '206 253 360 425 509 564'],
  ['US-WV', [ET], '304 681'],
  ['US-WI', [CT], '262 274 353 414 534 608 715 920'],
  ['US-WY', [MT], '307'],
  ['US-PR', ['America/Puerto_Rico'], '787 939'],
  ['US-VI', ['America/St_Thomas'], '340'],
  ['US-GU', ['Pacific/Guam'], '671'],
  ['US-MP', ['Pacific/Saipan'], '670'],
  ['US-AS', ['Pacific/Pago_Pago'], '684'],
  ['CA-AB', ['America/Edmonton'], '368 403 587 780 825'],
  [
    'CA-BC',
    ['America/Vancouver'],
    '236 250 257 604 672 778',
    Object.fromEntries(['236', '250', '257', '672', '778'].map((c) => [c, ['America/Vancouver', 'America/Edmonton']])),
  ],
  ['CA-MB', ['America/Winnipeg'], '204 431 584'],
  ['CA-NB', ['America/Moncton'], '428 506'],
  ['CA-NL', ['America/St_Johns', 'America/Goose_Bay'], '709 879'],
  ['CA-NS', ['America/Halifax'], '782 902'],
  [
    'CA-ON',
    ['America/Toronto'],
    '226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 807 905 942',
    { '807': ['America/Toronto', 'America/Winnipeg'] },
  ],
  ['CA-QC', ['America/Toronto'], '263 354 367 418 438 450 468 514 579 581 819 873'],
  ['CA-SK', ['America/Regina'], '306 474 639'],
  ['CA-NT', ['America/Whitehorse', 'America/Yellowknife', 'America/Rankin_Inlet', 'America/Iqaluit'], '867'],
]

/** Where a phone number likely is: a region code and the time zones it may be in. */
export interface PhoneLocation {
  /** ISO 3166-2 style: `US-FL`, `CA-ON`. */
  region: string
  /** Every IANA zone the area code spans, most likely first. */
  timeZones: string[]
}

let byAreaCode: Map<string, PhoneLocation> | null = null

function table(): Map<string, PhoneLocation> {
  if (byAreaCode) return byAreaCode
  byAreaCode = new Map()
  for (const [region, zones, codes, overrides] of REGIONS) {
    for (const code of codes.split(' ')) byAreaCode.set(code, { region, timeZones: overrides?.[code] ?? zones })
  }
  return byAreaCode
}

/** Every area code the table knows, with its location (for tests and tools). */
export function knownAreaCodes(): ReadonlyMap<string, PhoneLocation> {
  return table()
}

/**
 * The likely region and time zones of an E.164 number, or null when unknown (outside North
 * America, or an area code not in the table such as toll-free 800).
 *
 * @example
 * phoneLocation('+13055550123') // { region: 'US-FL', timeZones: ['America/New_York'] }
 */
export function phoneLocation(e164: string): PhoneLocation | null {
  const match = /^\+1(\d{3})\d{7}$/.exec(e164)
  if (!match) return null
  const found = table().get(match[1] as string)
  return found ? { region: found.region, timeZones: [...found.timeZones] } : null
}
