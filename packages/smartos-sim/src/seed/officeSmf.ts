// The global zone's SMF services on a simulated host, consistent with fixtures svcs*.txt:
// boot-time services started on Feb 10 (the office host's boot, 08:00:50Z), cron restarted
// the next morning, ipfilter and nfs/server disabled. sendmail sits in maintenance so that
// `svcs -x` has something to explain (the captured fixture svcs-x.txt is empty: its host
// had no such service; the fidelity tests leave sendmail's lines out when comparing).
import type { SmfService } from '../state/smfStore.js';

const BOOT = '2024-02-10T08:0';

function svc(
  fmri: string,
  description: string,
  state: 'online' | 'disabled' | 'maintenance',
  stime: string,
): SmfService {
  return { fmri, description, state, nextState: null, stime, enabled: state !== 'disabled', pending: [] };
}

export function officeSmfServices(): SmfService[] {
  const sendmail = svc(
    'svc:/network/smtp:sendmail',
    'sendmail SMTP mail transfer agent',
    'maintenance',
    `${BOOT}1:45.000Z`,
  );
  sendmail.reason = 'Start method failed repeatedly, last exited with status 1.';
  sendmail.see = [
    'http://illumos.org/msg/SMF-8000-KS',
    'sendmail(1M)',
    '/var/svc/log/network-smtp:sendmail.log',
  ];
  return [
    svc(
      'svc:/system/svc/restarter:default',
      'Service configuration repository',
      'online',
      `${BOOT}0:51.000Z`,
    ),
    svc('svc:/network/loopback:default', 'loopback network interface', 'online', `${BOOT}0:52.000Z`),
    svc('svc:/system/filesystem/root:default', 'root file system mount', 'online', `${BOOT}0:53.000Z`),
    svc('svc:/network/ipfilter:default', 'IP Filter', 'disabled', `${BOOT}0:54.000Z`),
    svc('svc:/system/smartdc/vminfod:default', 'SmartDC VM info daemon', 'online', `${BOOT}0:55.000Z`),
    svc('svc:/system/smartdc/vmadmd:default', 'vmadm daemon', 'online', `${BOOT}0:56.000Z`),
    svc('svc:/network/nfs/server:default', 'NFS server', 'disabled', `${BOOT}0:57.000Z`),
    svc('svc:/network/ssh:default', 'SSH server', 'online', `${BOOT}1:00.000Z`),
    svc('svc:/system/zones:default', 'Zones autoboot', 'online', `${BOOT}1:05.000Z`),
    svc('svc:/system/smartdc/metadata:default', 'Metadata Agent', 'online', `${BOOT}1:10.000Z`),
    svc('svc:/network/ntp:default', 'Network Time Protocol (NTP) Version 4', 'online', `${BOOT}1:15.000Z`),
    sendmail,
    svc('svc:/system/cron:default', 'clock daemon (cron)', 'online', '2024-02-11T08:01:40.000Z'),
  ];
}
