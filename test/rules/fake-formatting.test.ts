import { describe, expect, it } from 'vitest';
import fakeFormatting from '../../rules/fake-formatting.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';

/**
 * Posts written the way "font generator" sites write them, with the plain text of the styled part.
 * Made for this test (the labelled data sets have almost none); it is also the precision fixture
 * reported in docs/eval/accessibility.md.
 */
export const STYLED_POSTS: Array<[text: string, plain: string]> = [
  ['𝐍𝐄𝐖 𝐀𝐑𝐑𝐈𝐕𝐀𝐋𝐒 are in store now. Come and see!', 'NEW ARRIVALS'],
  ["We're hiring! 𝐀𝐩𝐩𝐥𝐲 𝐛𝐲 𝐅𝐫𝐢𝐝𝐚𝐲 at the link below.", 'Apply by Friday'],
  ['𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠: the council approved the new budget tonight.', 'Breaking'],
  ['Thank you to our 𝑎𝑚𝑎𝑧𝑖𝑛𝑔 volunteers 💚', 'amazing'],
  ['This is 𝑛𝑜𝑡 a drill. Fire alarm test at 10am.', 'not'],
  ['𝗙𝗥𝗘𝗘 𝗦𝗛𝗜𝗣𝗣𝗜𝗡𝗚 on all orders this weekend', 'FREE SHIPPING'],
  ['𝗧𝗶𝗽 𝗼𝗳 𝘁𝗵𝗲 𝗱𝗮𝘆: back up your phone before updating.', 'Tip of the day'],
  ['Our 𝘧𝘢𝘷𝘰𝘶𝘳𝘪𝘵𝘦 recipe for autumn 🍂', 'favourite'],
  ['Use code 𝚂𝙰𝚅𝙴𝟸𝟶 at checkout.', 'SAVE20'],
  ['𝓗𝓪𝓹𝓹𝔂 𝓥𝓪𝓵𝓮𝓷𝓽𝓲𝓷𝓮𝓼 𝓓𝓪𝔂 from all of us ❤️', 'Happy Valentines Day'],
  ['𝔾𝔸𝕄𝔼 𝔻𝔸𝕐! Kick-off at 7.', 'GAME DAY'],
  ['𝕲𝖔𝖙𝖍𝖎𝖈 𝕹𝖎𝖌𝖍𝖙 at the museum this Friday', 'Gothic Night'],
  ['ⓈⒶⓁⒺ ends tonight', 'SALE'],
  ['Follow us for ⓓⓐⓘⓛⓨ ⓣⓘⓟⓢ', 'daily tips'],
  ['ａｅｓｔｈｅｔｉｃ summer playlist out now', 'aesthetic'],
  ['ＶＩＢＥＳ ２０２４ tour dates announced', 'VIBES 2024'],
  ['🅽🅴🆆 menu items this week', 'NEW'],
  ['ꜰᴏʟʟᴏᴡ ꜰᴏʀ ᴍᴏʀᴇ', 'follow for more'],
  ['Link in bio · ꜱʜᴏᴘ ɴᴏᴡ', 'shop now'],
  ['ʟɪᴍɪᴛᴇᴅ ᴇᴅɪᴛɪᴏɴ drops at noon', 'limited edition'],
  ['Was $̶5̶0̶ now $30!', '$50'],
  ['M̶o̶n̶d̶a̶y̶ Tuesday is the new deadline', 'Monday'],
  ['Please r̲e̲a̲d̲ ̲c̲a̲r̲e̲f̲u̲l̲l̲y̲ before applying.', 'read carefully'],
  ['ᵗⁱⁿʸ ᵗᵉˣᵗ big ideas', 'tiny text'],
  ['psst… ˢᵉᶜʳᵉᵗ ˢᵃˡᵉ', 'secret sale'],
  ['𝐒𝐭𝐞𝐩 𝟏: open the app.', 'Step 1'],
  ['𝑁𝑜𝑡𝑒: offices close early on Friday.', 'Note'],
  ['𝗩𝗢𝗧𝗘 on Tuesday, November 5', 'VOTE'],
  ['Meet our team: 𝐃𝐫 𝐀𝐦𝐢𝐧𝐚 𝐘𝐮𝐬𝐮𝐟, chief scientist.', 'Dr Amina Yusuf'],
  ["𝚐𝚒𝚝 𝚙𝚞𝚜𝚑 and you're done", 'git push'],
];

/** Text with characters that look like styling but are ordinary writing; none may be reported. */
export const LOOK_ALIKE_TRAPS: string[] = [
  'The set ℝ of real numbers is uncountable.',
  'Solve for 𝑥 in the first equation.',
  'Our 1ˢᵗ anniversary party!',
  'Offices on the 2ⁿᵈ and 3ʳᵈ floors are closed.',
  'Fireworks on the 4ᵗʰ of July.',
  'IPA: /ˈsɪti/ is how you say "city".',
  'The word is pronounced [ʃɪp].',
  'The flat is 25 m² with 3 m³ of storage.',
  'H₂O and CO₂ levels were normal.',
  '東京ＡＢＣ店が新しくオープンしました。',
  'ソニーのＰＳ５が発売されました',
  '서울 ＫＴＸ 열차 시간표',
  'Temperature 20°C today, 68°F.',
  'Café crème brûlée for a naïve façade.',
  'Ελληνικά: καλημέρα σας',
  'Привет, как дела?',
  '© 2024 Company™. All rights reserved®.',
  '① Open the app ② Tap Renew',
  'Blood drive today, all types welcome, especially 🅾️ negative.',
  'Flags at the summit 🇺🇸🇬🇧🇫🇷',
  'Math: ∑ ∫ √ π ≈ 3.14',
  '“Smart quotes” — and ‘single’ ones…',
  'Throwback #TBT with @CityLibrary',
  'x² + y² = z²',
  'The ℓ symbol is used for litres: a 2ℓ bottle.',
  "Ms O'Neill-Smith's résumé is attached.",
  'Straße, Öl und Ärger.',
  'The ﬁnal ﬁgures are in.',
  'Pinyin: nǐ hǎo',
  'The French r is [ʀ], as in rouge [ʀuʒ].',
];

describe('fake-formatting', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(fakeFormatting)).toEqual([]);
  });

  it.each(STYLED_POSTS)('reports %s once, suggesting the plain text', async (text, plain) => {
    const { findings } = await runRule(fakeFormatting, text);
    expect(findings).toHaveLength(1);
    expect(findings[0].suggestion).toBe(plain);
    // The suggestion replaces exactly the styled span.
    const fixed = text.slice(0, findings[0].start) + findings[0].suggestion + text.slice(findings[0].end);
    expect(fixed).toContain(plain);
  });

  it.each(LOOK_ALIKE_TRAPS)('does not report %s', async (text) => {
    expect((await runRule(fakeFormatting, text)).findings).toEqual([]);
  });

  it('names the style in the message and reports each run separately', async () => {
    const text = '𝐒𝐭𝐞𝐩 𝟏: open the app. 𝑇ℎ𝑒𝑛 tap Renew.';
    const { findings } = await runRule(fakeFormatting, text);
    expect(findings.map((finding) => text.slice(finding.start, finding.end))).toEqual(['𝐒𝐭𝐞𝐩 𝟏', '𝑇ℎ𝑒𝑛']);
    expect(findings[0].message).toBe('Fake bold text "𝐒𝐭𝐞𝐩 𝟏": screen readers spell it out or skip it; write "Step 1"');
    expect(findings[1].suggestion).toBe('Then');
  });

  it('keeps a plain letter inside a styled word in the run (no small-caps x exists)', async () => {
    const { findings } = await runRule(fakeFormatting, 'ᴇxᴀᴍᴘʟᴇ ᴛᴇxᴛ');
    expect(findings).toHaveLength(1);
    expect(findings[0].suggestion).toBe('example text');
  });

  it('reports full-width letters when the post has no CJK text', async () => {
    expect((await runRule(fakeFormatting, 'ＡＢＣ store opens today')).findings).toHaveLength(1);
    expect((await runRule(fakeFormatting, 'ＡＢＣ店 opens today')).findings).toEqual([]);
  });

  it('honours minLetters and family switches', async () => {
    expect((await runRule(fakeFormatting, 'Solve for 𝑥 now', { minLetters: 1 })).findings).toHaveLength(1);
    expect((await runRule(fakeFormatting, 'ⓈⒶⓁⒺ ends tonight', { families: { enclosed: false } })).findings).toEqual([]);
    expect((await runRule(fakeFormatting, 'M̶o̶n̶d̶a̶y̶ Tuesday', { families: { combining: false } })).findings).toEqual([]);
    await expect(runRule(fakeFormatting, 'x', { families: { emoji: true } })).rejects.toThrow('unknown option');
  });
});
