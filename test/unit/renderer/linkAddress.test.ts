import { describe, expect, it } from 'vitest';
import { linkAddress } from '../../../renderer/src/briefs/editor/linkAddress';

describe('the address a link field gives', () => {
  it('takes web addresses with or without https://', () => {
    expect(linkAddress('atelier.example/moodboard')).toBe('https://atelier.example/moodboard');
    expect(linkAddress(' https://atelier.example/?ref=zoë ')).toBe(
      'https://atelier.example/?ref=zoë',
    );
    expect(linkAddress('http://atelier.example')).toBe('http://atelier.example');
    expect(linkAddress('HTTPS://Atelier.example')).toBe('HTTPS://Atelier.example');
    expect(linkAddress('shop.example:8080/drop')).toBe('https://shop.example:8080/drop');
  });

  it('takes an email address typed bare as a mailto link', () => {
    expect(linkAddress('zoe@atelier.example')).toBe('mailto:zoe@atelier.example');
    expect(linkAddress('mailto:zoe@atelier.example')).toBe('mailto:zoe@atelier.example');
    expect(linkAddress('łukasz@studio.pl')).toBe('mailto:łukasz@studio.pl');
  });

  it('refuses what is no web or email address', () => {
    for (const typed of [
      '',
      '   ',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'mailto:',
      'atelier',
      'atelier example.com',
      'zoe@atelier',
    ]) {
      expect(linkAddress(typed), typed).toBeNull();
    }
  });
});
