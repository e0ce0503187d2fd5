import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor, optionValue } from '../../test/fixtureFiles.js';
import { SmfExplanation, SmfService } from '../model/smf.js';
import { parseSvcs, parseSvcsExplain } from './svcs.js';

describe('svcs listings', () => {
  const listings = fixturesFor('svcs').filter((f) => !f.argv.includes('-x'));

  it.each(listings.map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const o = optionValue(f.argv, '-o');
    const services = parseSvcs(f.text, f.argv.includes('-H') ? { fields: o?.split(',') } : {});
    const lines = f.text.trim().split('\n').length;
    expect(services).toHaveLength(f.argv.includes('-H') ? lines : lines - 1);
    expect(services.find((s) => s.fmri === 'svc:/network/ssh:default')).toMatchObject({
      state: 'online',
      transitioning: false,
      stime: 'Feb_10',
    });
    expect(services.find((s) => s.fmri === 'svc:/system/cron:default')?.stime).toBe('8:01:40');
    for (const s of services) expect(SmfService.parse(s)).toEqual(s);
  });

  it('knows -a shows disabled services and the default does not', () => {
    const all = parseSvcs(fixture('svcs-a.txt').text);
    expect(all.filter((s) => s.state === 'disabled').map((s) => s.fmri)).toEqual([
      'svc:/network/ipfilter:default',
      'svc:/network/nfs/server:default',
    ]);
    expect(parseSvcs(fixture('svcs.txt').text).some((s) => s.state === 'disabled')).toBe(false);
  });

  it('reads a transition, a year STIME, legacy services and a DESC column', () => {
    const text = [
      'STATE          STIME    FMRI',
      'legacy_run     2023     lrc:/etc/rc2_d/S20sysetup',
      'offline*       10:00:01 svc:/network/ssh:default',
    ].join('\n');
    expect(parseSvcs(text).map((s) => [s.state, s.transitioning, s.stime])).toEqual([
      ['legacy_run', false, '2023'],
      ['offline', true, '10:00:01'],
    ]);
    const desc = parseSvcs('online         svc:/network/ssh:default SSH server\n', {
      fields: ['state', 'fmri', 'desc'],
    });
    expect(desc[0]?.description).toBe('SSH server');
    expect(() =>
      parseSvcs('bogus          Feb_10   svc:/a:b\n', { fields: ['state', 'stime', 'fmri'] }),
    ).toThrow(/unknown state/);
  });
});

describe('svcs -x', () => {
  it.each(fixturesFor('svcs', '-x').map((f) => [f.file, f] as const))('%s: all healthy', (_file, f) => {
    expect(parseSvcsExplain(f.text)).toEqual([]);
  });

  it('reads the zlogin form too', () => {
    expect(parseSvcsExplain(fixture('zlogin-svcs-x.txt').text)).toEqual([]);
  });

  it('reads maintenance and degraded blocks', () => {
    const text = [
      'svc:/network/smtp:sendmail (sendmail SMTP mail transfer agent)',
      ' State: maintenance since Sat Feb 10 08:01:45 2024',
      'Reason: Start method failed repeatedly, last exited with status 1.',
      '   See: http://illumos.org/msg/SMF-8000-KS',
      '   See: sendmail(1M)',
      '   See: /var/svc/log/network-smtp:sendmail.log',
      'Impact: This service is not running.',
      '',
      'svc:/network/nfs/client:default (NFS client)',
      ' State: offline since Sat Feb 10 08:01:50 2024',
      'Reason: Service svc:/network/rpc/bind:default is disabled.',
      '   See: http://illumos.org/msg/SMF-8000-GE',
      'Impact: 1 dependent service is not running:',
      '        svc:/network/nfs/status:default',
      '',
    ].join('\n');
    const blocks = parseSvcsExplain(text);
    expect(blocks).toEqual([
      {
        fmri: 'svc:/network/smtp:sendmail',
        description: 'sendmail SMTP mail transfer agent',
        state: 'maintenance',
        since: 'Sat Feb 10 08:01:45 2024',
        reason: 'Start method failed repeatedly, last exited with status 1.',
        see: ['http://illumos.org/msg/SMF-8000-KS', 'sendmail(1M)', '/var/svc/log/network-smtp:sendmail.log'],
        impact: 'This service is not running.',
      },
      {
        fmri: 'svc:/network/nfs/client:default',
        description: 'NFS client',
        state: 'offline',
        since: 'Sat Feb 10 08:01:50 2024',
        reason: 'Service svc:/network/rpc/bind:default is disabled.',
        see: ['http://illumos.org/msg/SMF-8000-GE'],
        impact: '1 dependent service is not running:\nsvc:/network/nfs/status:default',
      },
    ]);
    for (const b of blocks) expect(SmfExplanation.parse(b)).toEqual(b);
    expect(() => parseSvcsExplain(' State: online\n')).toThrow(/before the first service/);
  });
});
