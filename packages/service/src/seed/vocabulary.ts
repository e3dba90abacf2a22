/** Word lists for the seed generator: names, pets and what clinic clients really text. */

export const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Mateo',
  'Sofia',
  'Lucas',
  'Mia',
  'Ethan',
  'Zoë',
  'Aarav',
  'Chloé',
  'Jamal',
  'Priya',
  'Wei',
  'Fatima',
  'Diego',
  'Hannah',
  'Kwame',
  'Ingrid',
  'José',
  'Aoife',
  'Yuki',
  'Grace',
  'Benjamin',
  'Nora',
  'Elijah',
  'Layla',
  'Samuel',
  'María',
  'Ahmed',
  'Rosa',
  'Tomás',
  'Leah',
  'Omar',
] as const

export const LAST_NAMES = [
  'Nguyen',
  'Smith',
  'García',
  'Johnson',
  'Okafor',
  'Kowalski',
  "O'Brien",
  'Patel',
  'Chen',
  'Müller',
  'Rossi',
  'Haddad',
  'Johansson',
  'Williams',
  'Brown',
  'Martínez',
  'Kim',
  'Dubois',
  'Singh',
  'Tanaka',
  'Murphy',
  'Lopez',
  'Andersen',
  'Abara',
  'Fitzgerald-Lee',
  'Novak',
  'Silva',
  'Cohen',
  'Yilmaz',
  'Baker',
] as const

export const PETS = [
  ['Biscuit', 'dog'],
  ['Luna', 'cat'],
  ['Max', 'dog'],
  ['Mochi', 'cat'],
  ['Bella', 'dog'],
  ['Pickles', 'guinea pig'],
  ['Charlie', 'dog'],
  ['Nala', 'cat'],
  ['Sir Reginald Fluffington III', 'cat'],
  ['Koda', 'dog'],
  ['Pepper', 'rabbit'],
  ['Ziggy', 'bearded dragon'],
  ['Daisy', 'dog'],
  ['Oreo', 'cat'],
  ['Kiwi', 'parrot'],
  ['Rocky', 'dog'],
  ['Ñoño', 'dog'],
] as const

export const AREA_CODES = [
  415, 510, 650, 408, 707, 925, 628, 669, 831, 916, 209, 559, 661, 805, 818, 213, 310, 323,
] as const

/** One turn of a conversation: who writes (`c` the client, `s` staff) and what; `+` sends it within the same minute as the turn before. */
export type Turn = readonly ['c' | 's' | 'c+' | 's+', string]

/**
 * Conversations as clinics have them, start to finish: a seeded thread is a beginning of one, so
 * every reply answers the text before it. `{pet}` is one of the client's pets, `{date}` a slot.
 */
export const DIALOGUES: ReadonlyArray<readonly Turn[]> = [
  [
    ['c', 'Hi, can I book a checkup for {pet} next week?'],
    ['s', 'Of course! We have {date} or Thursday at 3pm. Which works best?'],
    ['c', '{date} works'],
    ['s', 'You’re all set for {date}. See you then!'],
    ['c', 'Ok see you then 👍'],
  ],
  [
    ['c', 'Is {pet} ready to be picked up?'],
    ['s', 'Yes, {pet} is ready for pick-up any time before 6pm.'],
    ['c', 'Thank you so much!! 🙏'],
  ],
  [
    ['c', 'Running 10 min late, sorry!'],
    ['c+', 'Traffic on 101 😩'],
    ['s', 'No problem, thanks for letting us know!'],
  ],
  [
    ['c', '{pet} threw up twice this morning and is not eating. Should I bring him in? 😟'],
    ['s', 'Please bring {pet} in today if the vomiting continues; we can see you at 4:15.'],
    ['c', 'Yes please, we’ll be there at 4:15'],
    ['s', 'Booked. Bring a stool sample if you can.'],
  ],
  [
    ['c', 'What time do you close today?'],
    ['s', 'We close at 6pm today and open at 8am tomorrow.'],
    ['c', 'Perfect, thanks'],
  ],
  [
    ['c', 'Can I get a refill of {pet}’s meds? The heartworm one'],
    ['s', 'Sure! Dr. Patel approved it: the refill will be ready at the front desk tomorrow after 10am 💊'],
    ['c', 'Great, I’ll come by after work'],
  ],
  [
    ['c', 'How much is the dental cleaning?'],
    [
      's',
      'A dental cleaning starts at $350 including anesthesia and X-rays; we’ll give you an exact estimate at the exam.',
    ],
    ['c', 'Ok. Do you have any appointments Saturday?'],
    ['s', 'We have Saturday at 9:30am. Shall I book it for {pet}?'],
    ['c', 'Yes'],
  ],
  [
    [
      'c',
      "We just moved and I'd like to transfer {pet}'s records to you. His old vet was Bayside Animal Hospital in Oakland. They said they emailed the records over last Tuesday but I wanted to double check you got them because we need his rabies certificate for the new apartment lease by Friday.",
    ],
    [
      's',
      'We got the records, thank you! The rabies certificate is attached to {pet}’s file; we’ll e-mail you a copy today.',
    ],
    ['c', '❤️❤️❤️'],
  ],
  [
    ['s', 'Reminder: {pet} is due for vaccines. Reply C to confirm {date}.'],
    ['c', 'C'],
    ['s', 'Thanks, you’re confirmed for {date}!'],
  ],
  [
    ['c', 'Hola, ¿pueden atender a {pet} mañana por la tarde?'],
    ['s', '¡Hola! Sí, mañana a las 3pm. ¿Le parece bien?'],
    ['c', 'Sí, perfecto. Gracias'],
  ],
  [
    ['s', 'Hi! This is Maple Grove Veterinary, following up on {pet}’s surgery. How is she doing?'],
    ['c', 'Who is this?'],
    ['s', 'Sorry! It’s Maple Grove Veterinary, Dr. Patel’s office. Just checking in on {pet}.'],
    ['c', 'Oh hi! She’s a bit sleepy but eating'],
    ['s', 'That’s normal for today. Call us if anything changes.'],
  ],
  [
    ['s', 'Please fill in {pet}’s intake form before the visit: https://forms.example/maple/intake'],
    ['c', 'Sent the form!'],
    ['s', 'Got it, thank you!'],
  ],
  [
    ['c', 'Can I pay the balance over the phone?'],
    ['s', 'Yes: call us at (415) 555-0100 during opening hours, or pay online from your invoice.'],
    ['c', 'Please call me back when you can, 415 555 0142'],
  ],
  [
    ['c', 'Is the office open on Thanksgiving?'],
    ['s', 'We are closed on Thanksgiving. For emergencies, Bay Area Pet ER is open 24/7: (415) 555-0199.'],
  ],
]

/** A skin problem reported with a photo: the photo goes with the turn marked `photo`. */
export const PHOTO_DIALOGUE: readonly Turn[] = [
  ['c', 'The pills are not working, she is still scratching a lot'],
  ['s', 'Sorry to hear that. Can you send us a photo of the skin?'],
  ['c', 'Here is the photo of the rash'],
  ['s', 'Thanks. Dr. Patel will look at it and call you this afternoon.'],
]

/** An invoice sent with its PDF (the first turn), and the client's answer. */
export const INVOICE_DIALOGUE: readonly Turn[] = [
  ['s', 'Your invoice for {pet}’s visit is attached.'],
  ['c', 'Got it, I’ll pay online tonight'],
]

/** Campaign messages and their campaign names. */
export const CAMPAIGNS = [
  [
    'cmp_reminders',
    'Appointment Reminders',
    'Reminder: {pet} has an appointment at Maple Grove Veterinary on {date}. Reply C to confirm.',
  ],
  [
    'cmp_vaccines',
    'Vaccine Due Reminders',
    '{pet} is due for vaccines. Book online or reply to this text to schedule.',
  ],
  [
    'cmp_reviews',
    'Review Requests',
    'Thanks for visiting Maple Grove! How did we do? Leave a review: https://example.com/review',
  ],
  ['cmp_forms', 'Form Invites', 'Please complete the intake form before your visit: https://example.com/forms/intake'],
] as const

export const TEMPLATES = [
  [
    'tpl_confirm',
    'Appointment confirmation',
    'Appointments',
    'Hi {{client.firstName}}, {{patient.name}} is booked for {{appointment.date}} at {{clinic.name}}. Reply C to confirm.',
  ],
  ['tpl_ready', 'Ready for pick-up', 'Visits', 'Hi {{client.firstName}}, {{patient.name}} is ready to go home! 🐾'],
  [
    'tpl_balance',
    'Balance reminder',
    'Billing',
    'Hi {{client.firstName}}, you have a balance of {{client.balance}} at {{clinic.name}}. Pay online: {{payment.link}}',
  ],
  [
    'tpl_recheck',
    'Recheck reminder',
    'Visits',
    '{{patient.name}} is due for a recheck. Call {{clinic.phone}} or reply here to book.',
  ],
  [
    'tpl_closed',
    'Closed today',
    'General',
    '{{clinic.name}} is closed today. For emergencies call the 24h ER at (415) 555-0199.',
  ],
] as const
