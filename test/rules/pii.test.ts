import { describe, expect, it } from 'vitest';
import rule from '../../rules/pii.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import { RuleOptionError } from '../../src/types.js';

/** The reported text and message of every finding. */
async function found(text: string, options: Record<string, unknown> = {}): Promise<Array<[string, string]>> {
  const { findings } = await runRule(rule, text, options);
  return findings.map((finding) => [text.slice(finding.start, finding.end), finding.message]);
}

describe('pii', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(rule)).toEqual([]);
  });

  it('gives every finding a reason and never repeats a full number in the message', async () => {
    const text = 'Card 4111 1111 1111 1111, SSN 219-09-9998, NI AB123456C.';
    const { findings } = await runRule(rule, text);
    expect(findings).toHaveLength(3);
    for (const finding of findings) {
      expect(finding.reason).toBeTruthy();
      expect(finding.message.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
    }
  });

  describe('Social Security numbers', () => {
    it.each(['123-45-6789', 'SSN: 123 45 6789', 'social security no. 123456789'])('reports %j', async (text) => {
      expect(await found(text)).toHaveLength(1);
    });
    it.each([
      '000-12-3456',
      '666-12-3456',
      '900-12-3456',
      '123-00-4567',
      '123-45-0000',
      '078-05-1120',
      'order 123456789 shipped',
      'call 123 45 6789',
      'ref 1123-45-67890',
    ])('does not report %j', async (text) => {
      expect(await found(text)).toEqual([]);
    });
  });

  describe('National Insurance numbers', () => {
    it.each(['AB123456C', 'AB 12 34 56 C', 'AB 123456 C', 'JG103759A'])('reports %j', async (text) => {
      expect(await found(`NI: ${text}`)).toHaveLength(1);
    });
    it.each(['QQ123456C', 'GB123456A', 'AO123456B', 'AB123456E', 'XAB123456C', 'PN 320008A'])('does not report %j', async (text) => {
      expect(await found(`ref ${text}`)).toEqual([]);
    });
  });

  describe('payment cards', () => {
    it.each([
      ['4111111111111111', 'Visa'],
      ['5500-0000-0000-0004', 'Mastercard'],
      ['3782 822463 10005', 'American Express'],
      ['6011 0009 9013 9424', 'Discover'],
    ])('reports %j as %s, masked', async (number, brand) => {
      expect(await found(`pay with ${number} today`)).toEqual([[number, `payment card number (${brand}) ending ${number.slice(-4)}`]]);
    });
    it.each([
      '4111 1111 1111 1112',
      '1234 5678 9012 3452',
      '0000 0000 0000 0000',
      '41 1111 1111 1111 11',
    ])('does not report %j (Luhn, issuer or grouping)', async (number) => {
      expect(await found(`ref ${number}`)).toEqual([]);
    });
  });

  describe('dates of birth', () => {
    it.each([
      ['DOB: 03/12/1985', '03/12/1985'],
      ['D.O.B. 1985-03-12', '1985-03-12'],
      ['date of birth is 12 March 1985', '12 March 1985'],
      ['he was born on the 3rd of March, 1985', '3rd of March, 1985'],
      ['born March 3, 1985 in Ohio', 'March 3, 1985'],
    ])('reports %j', async (text, date) => {
      expect((await found(text)).map(([written]) => written)).toEqual([date]);
    });
    it.each([
      'Sale ends 03/12/2025',
      'born and raised in Ohio since 03/12/1985',
      'Mozart was born on 27 January 1756',
      'born on the 4th of July',
      'DOB: 13/13/1985',
    ])('does not report %j', async (text) => {
      expect(await found(text)).toEqual([]);
    });
  });

  describe('e-mail addresses', () => {
    it('reports a free-mail address anywhere, masked', async () => {
      expect(await found('Send entries to jane.roe@gmail.com')).toEqual([['jane.roe@gmail.com', 'personal e-mail address j***@gmail.com']]);
    });
    it('reports an address at another domain only in a personal context', async () => {
      expect(await found('Email her at jane.roe@acme.com about it')).toHaveLength(1);
      expect(await found('Write to jane.roe@acme.com about it')).toEqual([]);
      expect(await found('Email me at press@acme.com')).toEqual([]);
    });
    it("never reports the organisation's own domains and addresses", async () => {
      expect(await found('Email me at jane@mail.example.org', { allowedDomains: ['example.org'] })).toEqual([]);
      expect(await found('Orders: sweetbakes@gmail.com', { allowedEmails: ['SweetBakes@gmail.com'] })).toEqual([]);
    });
    it('can be switched off', async () => {
      expect(await found('jane.roe@gmail.com', { emails: false })).toEqual([]);
    });
  });

  describe('phone numbers', () => {
    it('reports a number after personal words', async () => {
      expect(await found('Lost dog! Call me on (415) 555-2671')).toEqual([['(415) 555-2671', 'personal phone number ending 71']]);
      expect(await found('her mobile: +44 7911 123456', { defaultCountry: 'GB' })).toHaveLength(1);
    });
    it('does not report business numbers', async () => {
      expect(await found('Call us on (415) 555-2671')).toEqual([]);
      expect(await found('call me at 1-800-555-0199')).toEqual([]);
      expect(await found('My number is (415) 555-2671', { allowedPhoneNumbers: ['+1 415-555-2671'] })).toEqual([]);
    });
    it('accepts the personal words just after the number', async () => {
      expect(await found('new phone! (415) 555-2671 is my cell')).toHaveLength(1);
    });
    it('needs the personal words in the same sentence', async () => {
      expect(await found('Call me maybe. Our store: (415) 555-2671')).toEqual([]);
      expect(await found('Our store: (415) 555-2671. Call me maybe')).toEqual([]);
    });
    it('refuses a country it does not know', async () => {
      await expect(runRule(rule, 'x', { defaultCountry: 'XX' })).rejects.toSatisfy(
        (error: unknown) => error instanceof RuleOptionError && JSON.stringify(error.path) === '["defaultCountry"]',
      );
    });
    it('refuses an allowed number it cannot read', async () => {
      await expect(runRule(rule, 'x', { allowedPhoneNumbers: ['call the office'] })).rejects.toSatisfy(
        (error: unknown) => error instanceof RuleOptionError && JSON.stringify(error.path) === '["allowedPhoneNumbers",0]',
      );
    });
  });

  describe('home addresses', () => {
    it.each([
      ['She lives at 42 Acacia Avenue, Springfield', '42 Acacia Avenue'],
      ['my address is 221B Baker St. London', '221B Baker St.'],
      ['Home address: 1600 Martin Luther King Jr Blvd', '1600 Martin Luther King Jr Blvd'],
    ])('reports %j', async (text, address) => {
      expect((await found(text)).map(([written]) => written)).toEqual([address]);
    });
    it('masks the house number', async () => {
      expect((await found('he lives at 42 Acacia Avenue'))[0][1]).toBe('home address (** Acacia Avenue)');
    });
    it.each(['Visit our store at 42 Acacia Avenue', 'She lives 5 minutes from Acacia Avenue', 'she lives at 42 acacia heights'])(
      'does not report %j',
      async (text) => {
        expect(await found(text)).toEqual([]);
      },
    );
    it("never reports the organisation's own address, abbreviated or not", async () => {
      const options = { allowedAddresses: ['1600 Pennsylvania Avenue NW, Washington, DC 20500'] };
      expect(await found('My address is 1600 Pennsylvania Ave NW', options)).toEqual([]);
      expect(await found('My address is 1601 Pennsylvania Ave NW', options)).toHaveLength(1);
    });
  });

  it('switches each kind of data off', async () => {
    const text = 'SSN 123-45-6789, card 4111111111111111, DOB 03/12/1985, mail jo@gmail.com, call me on (415) 555-2671, I live at 4 Elm Street';
    expect(await found(text)).toHaveLength(6);
    const allOff = { nationalIds: false, paymentCards: false, datesOfBirth: false, emails: false, phoneNumbers: false, homeAddresses: false };
    expect(await found(text, allOff)).toEqual([]);
  });
});
