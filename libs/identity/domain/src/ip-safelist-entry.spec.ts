import { DomainError } from '@gatehouse/domain-kit';
import { canonicalEntry } from './ip-safelist-entry';

const refusal = (entry: string): string => {
  try {
    canonicalEntry(entry);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toContain(`"${entry}"`);
    return (error as DomainError).code;
  }
  throw new Error(`${entry} was accepted`);
};

describe('a safelist entry as typed', () => {
  describe('when well formed', () => {
    it.each([
      ['203.0.113.7', '203.0.113.7'],
      [' 203.0.113.7 ', '203.0.113.7'],
      ['203.0.113.7/32', '203.0.113.7'],
      ['10.0.0.0/8', '10.0.0.0/8'],
      ['0.0.0.0/0', '0.0.0.0/0'],
      ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
      ['2001:db8::1/128', '2001:db8::1'],
      ['2001:0DB8::/32', '2001:db8::/32'],
      ['::/0', '::/0'],
      ['::1', '::1'],
      ['::ffff:192.0.2.1', '192.0.2.1'],
      ['::FFFF:c000:0201', '192.0.2.1'],
      ['::ffff:192.0.2.0/120', '192.0.2.0/24'],
    ])('stores %s as %s', (given, stored) => {
      expect(canonicalEntry(given)).toBe(stored);
    });
  });

  describe('when not strictly an address or a range', () => {
    it.each([
      ['010.0.0.1', 'a leading zero (octal in some parsers)'],
      ['10.0.0.01', 'a leading zero in the last part'],
      ['0x7f.0.0.1', 'a hex part'],
      ['127.1', 'a short form'],
      ['2130706433', 'a single number'],
      ['fe80::1%eth0', 'a zone id'],
      ['fe80::1%1/64', 'a zone id on a range'],
      ['::ffff:010.0.0.1', 'a leading zero in an embedded IPv4'],
      ['1::2::3', 'two "::"'],
      ['256.0.0.1', 'a part over 255'],
      ['10.0.0.0/33', 'a prefix over 32'],
      ['2001:db8::/129', 'a prefix over 128'],
      ['10.0.0.0/08', 'a prefix with a leading zero'],
      ['10.0.0.0/', 'an empty prefix'],
      ['10.0.0.0/8/8', 'two "/"'],
      ['::ffff:0:0/95', 'an IPv4-mapped range wider than IPv4'],
      ['example.com', 'a host name'],
      ['', 'nothing'],
    ])('refuses %s (%s), naming it', (entry) => {
      expect(refusal(entry)).toBe('IP_ENTRY_INVALID');
    });

    it.each([
      ['10.0.0.1/8', '10.0.0.0/8'],
      ['192.168.1.1/24', '192.168.1.0/24'],
      ['2001:db8::1/32', '2001:db8::/32'],
      ['1.2.3.4/0', '0.0.0.0/0'],
    ])('refuses %s, whose host bits are set, saying it means %s', (entry, network) => {
      expect(refusal(entry)).toBe('IP_RANGE_HOST_BITS_SET');
      expect(() => canonicalEntry(entry)).toThrow(network);
    });
  });
});

describe('a refused entry', () => {
  it("names the field that held it: a user's list, or an invite's", () => {
    expect(() => canonicalEntry('1.2.3')).toThrow(expect.objectContaining({ field: 'entries' }));
    expect(() => canonicalEntry('10.0.0.1/8', 'accessControls.ipSafelist')).toThrow(
      expect.objectContaining({ code: 'IP_RANGE_HOST_BITS_SET', field: 'accessControls.ipSafelist' }),
    );
  });
});
