import { consoleUrlSchema, parseConfig } from '../../../lib/config';
import { CONSOLE_URL_MAX, SMS_SEGMENT, smsText } from '../../../lib/domain/sms-text';
import { visitSms } from '../../../lib/domain/visits/visit-sms';
import { wishSms } from '../../../lib/domain/wishes/wish-sms';
import { attentionSms } from '../../../lib/use-cases/repair/attention';
import { z } from 'zod';

const LOCAL = 'http://127.0.0.1:3000';
const LONGEST = `https://${'m'.repeat(CONSOLE_URL_MAX - 'https://'.length - 7)}.gov.cn`;

/** Every text that asks someone to act in a screen, with the console's address given. */
const linking = (url: string) => ({
  vet: wishSms.vetRequested('W3K9QX', '给老人买一台收音机和电池', url),
  checkedIn: visitSms.checkedIn('2026-12-28-EZZZZZZZ', url),
  nothingToRate: smsText.nothingToRate(url),
  attentionCase: attentionSms('case', '261231-ZZZZZ', url),
  attentionWish: attentionSms('wish', 'WZZZZZ', url),
  attentionVisit: attentionSms('visit', '2026-12-28-EZZZZZZZ', url),
});

describe('SMS texts that point to the console', () => {
  it('point to its address with a short path, and no longer to an app', () => {
    expect(linking(LOCAL)).toEqual({
      vet: `【民情直通】新微心愿W3K9QX（给老人买一台收…）待核实：${LOCAL}/grid/wishes/W3K9QX`,
      checkedIn: `【民情直通】探访已签到，离开时请签退并填写老人情况：${LOCAL}/volunteer`,
      nothingToRate: `【民情直通】未找到待您评价的诉求。反映问题请拨打12345或访问${LOCAL}/report`,
      attentionCase: `【民情直通】诉求261231-ZZZZZ流程出错待核查：${LOCAL}/admin`,
      attentionWish: `【民情直通】微心愿WZZZZZ流程出错待核查：${LOCAL}/admin`,
      attentionVisit: `【民情直通】探访2026-12-28-EZZZZZZZ流程出错待核查：${LOCAL}/admin`,
    });
  });

  it.each([LOCAL, LONGEST])('fit one segment, the address included, with %s', (url) => {
    for (const text of Object.values(linking(url))) {
      expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT);
      expect(text).toContain(url);
      expect(text).not.toMatch(/应用|请在/);
      // The address ends the message: nothing after it that a phone could take as part of the link.
      expect(text).toMatch(/\/[\w/-]*$/);
    }
  });

  it('shorten the wish title to the room the address leaves, dropping it when there is none', () => {
    expect(wishSms.vetRequested('W3K9QX', '给老人买一台收音机和电池', LONGEST)).toBe(`【民情直通】新微心愿W3K9QX待核实：${LONGEST}/grid/wishes/W3K9QX`);
  });

  it('name the service instead when no console address is configured', () => {
    expect(wishSms.vetRequested('W3K9QX', '收音机')).toBe('【民情直通】新微心愿W3K9QX（收音机）待您核实，请登录民情直通审核。');
    expect(visitSms.checkedIn('2026-12-28-EZZZZZZZ')).toBe('【民情直通】探访2026-12-28-EZZZZZZZ已签到，离开时请登录民情直通签退并填写老人情况。');
    expect(attentionSms('case', '261231-ZZZZZ')).toBe('【民情直通】诉求261231-ZZZZZ流程出错已暂停，请在指挥中心工作台核查后恢复。');
    expect(smsText.nothingToRate()).not.toContain('http');
  });
});

describe('CONSOLE_URL', () => {
  const read = (value: string | undefined) => parseConfig(z.object({ CONSOLE_URL: consoleUrlSchema }), value === undefined ? {} : { CONSOLE_URL: value }).CONSOLE_URL;

  it('is an http(s) origin, kept without a trailing slash; empty or unset is none', () => {
    expect(read('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000');
    expect(read('https://mq.example.gov.cn')).toBe('https://mq.example.gov.cn');
    expect(read('')).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
  });

  it('refuses a path, a query, another scheme, or an address too long for one SMS', () => {
    expect(() => read('https://mq.example.cn/console')).toThrow(/CONSOLE_URL/);
    expect(() => read('https://mq.example.cn?x=1')).toThrow(/CONSOLE_URL/);
    expect(() => read('ftp://mq.example.cn')).toThrow(/CONSOLE_URL/);
    expect(() => read(`https://${'m'.repeat(CONSOLE_URL_MAX)}.cn`)).toThrow(/at most/);
    expect(read(LONGEST)).toBe(LONGEST);
  });
});
