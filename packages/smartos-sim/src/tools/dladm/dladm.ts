// The simulated dladm(8): show-phys, show-vnic and show-link, as libofmt tables or -p -o.
import { readHost } from '../../state/hostStore.js';
import type { SimLayout } from '../../state/layout.js';
import { readAllVms } from '../../state/vmStore.js';
import { getopt } from '../svcs/getopt.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { dladmMac, physLinks, vnics } from './links.js';
import { ofmtLine, type OfmtField } from './ofmt.js';

export interface DladmContext {
  layout: () => SimLayout;
}

type Row = Record<string, string>;

interface Show {
  /** Field name (lower case), table width (gap included), as illumos dladm.c declares them. */
  fields: readonly [string, number][];
  /** Fields shown without -o. */
  defaults: readonly string[];
  rows: (layout: SimLayout) => Row[];
}

function linkRows(layout: SimLayout): { phys: Row[]; vnic: Row[] } {
  const host = readHost(layout);
  const phys = physLinks(host);
  const speed = new Map(phys.map((p) => [p.link, p.up ? '1000' : '0']));
  return {
    phys: phys.map((p) => ({
      link: p.link,
      media: 'Ethernet',
      state: p.up ? 'up' : 'down',
      speed: speed.get(p.link) ?? '0',
      duplex: p.up ? 'full' : 'unknown',
      device: p.link,
      class: 'phys',
      mtu: '1500',
      bridge: '',
      over: '',
    })),
    vnic: vnics(host, readAllVms(layout)).map((v) => ({
      link: v.link,
      over: v.over,
      speed: speed.get(v.over) ?? '0',
      macaddress: dladmMac(v.mac),
      macaddrtype: 'fixed',
      vid: String(v.vid),
      zone: v.zone,
      class: 'vnic',
      mtu: String(v.mtu),
      state: 'up',
      bridge: '',
    })),
  };
}

const SHOWS: Readonly<Record<string, Show>> = {
  'show-phys': {
    fields: [
      ['link', 13],
      ['media', 21],
      ['state', 11],
      ['speed', 7],
      ['duplex', 10],
      ['device', 13],
    ],
    defaults: ['link', 'media', 'state', 'speed', 'duplex', 'device'],
    rows: (layout) => linkRows(layout).phys,
  },
  'show-vnic': {
    fields: [
      ['link', 13],
      ['over', 13],
      ['speed', 7],
      ['macaddress', 18],
      ['macaddrtype', 20],
      ['vid', 7],
      ['zone', 37],
    ],
    defaults: ['link', 'over', 'speed', 'macaddress', 'macaddrtype', 'vid', 'zone'],
    rows: (layout) => linkRows(layout).vnic,
  },
  'show-link': {
    fields: [
      ['link', 12],
      ['class', 10],
      ['mtu', 7],
      ['state', 9],
      ['bridge', 11],
      ['over', 30],
    ],
    defaults: ['link', 'class', 'mtu', 'state', 'bridge', 'over'],
    rows: (layout) => {
      const { phys, vnic } = linkRows(layout);
      return [...phys, ...vnic];
    },
  },
};

const USAGE = [
  'usage:  dladm <subcommand> <args> ...',
  '    show-link        [-pP] [-o <field>,..] [-s [-i <interval>]] [<link>]',
  '    show-phys        [-pmH] [-o <field>,..] [-H] [<link>]',
  '    show-vnic        [-pP] [-l <link>] [-o <field>,..] [-s [-i <interval>]] [<link>]',
];

export function dladm(argv: readonly string[], ctx: DladmContext): ToolResult {
  const out = new ToolOutput();
  const [sub = 'show-link', ...rest] = argv;
  const show = Object.hasOwn(SHOWS, sub) ? SHOWS[sub] : undefined;
  if (!show) {
    out.error(`dladm: unknown subcommand '${sub}'`);
    USAGE.forEach((l) => out.error(l));
    return out.result(1);
  }
  const parsed = getopt(rest, 'po:');
  if (parsed.error) {
    out.error(`dladm: ${parsed.error}`);
    USAGE.forEach((l) => out.error(l));
    return out.result(1);
  }
  const parsable = parsed.options.some((o) => o.flag === 'p');
  const o = parsed.options.find((x) => x.flag === 'o')?.value;
  if (parsable && o === undefined) {
    out.error('dladm: -p requires -o');
    return out.result(1);
  }
  const widths = new Map(show.fields);
  const names =
    o === undefined || o.toLowerCase() === 'all'
      ? [...show.defaults]
      : o.split(',').map((f) => f.toLowerCase());
  const bad = names.filter((n) => !widths.has(n));
  if (bad.length > 0) {
    out.error(`dladm: invalid field(s) specified: ${bad.join(',')}`);
    return out.result(1);
  }
  const fields: OfmtField[] = names.map((n) => ({ name: n.toUpperCase(), width: widths.get(n) ?? 0 }));
  let rows = show.rows(ctx.layout());
  const wanted = parsed.operands[0];
  if (wanted !== undefined) {
    rows = rows.filter((r) => r.link === wanted);
    if (rows.length === 0) {
      out.error(`dladm: link ${wanted} is not valid: object not found`);
      return out.result(1);
    }
  }
  if (!parsable)
    out.log(
      ofmtLine(
        fields.map((f) => f.name),
        fields,
        false,
      ),
    );
  for (const row of rows) {
    const values = names.map((n) => {
      const v = row[n] ?? '';
      return !parsable && v === '' ? '--' : v;
    });
    out.log(ofmtLine(values, fields, parsable));
  }
  return out.result(0);
}
