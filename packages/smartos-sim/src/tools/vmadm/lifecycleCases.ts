// The vmadm fixtures reproduced byte for byte by lifecycle.fidelity.test.ts: argv from the
// fixture's .cmd file, plus the stdin and preparation each needs.
const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';
const BASE64 = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';

export interface Case {
  file: string;
  code: number;
  stdin?: string;
  before?: string[][];
}

/** Fixtures whose output is reproduced byte for byte. */
export const LIFECYCLE_CASES: Case[] = [
  {
    // the fixture's uuid, given in the payload
    file: 'vmadm-create.stderr.txt',
    code: 0,
    stdin: JSON.stringify({
      uuid: '9b6f2e4a-3c1d-4b8e-a7f0-5d2c8e1b6a93',
      brand: 'joyent',
      image_uuid: BASE64,
    }),
  },
  {
    file: 'vmadm-create-bad-json.stderr.txt',
    code: 1,
    stdin: `{"brand": "joyent", "image_uuid": "${BASE64}", }`,
  },
  {
    // a fractional cap with explicit derived values: only max_physical_memory is bad
    file: 'vmadm-create-invalid-value.stderr.txt',
    code: 1,
    stdin: JSON.stringify({
      brand: 'joyent',
      image_uuid: BASE64,
      max_physical_memory: 512.5,
      max_locked_memory: 512,
      max_swap: 1024,
      tmpfs: 512,
      max_shm_memory: 512,
    }),
  },
  { file: 'vmadm-delete.stderr.txt', code: 0 },
  { file: 'vmadm-update.stderr.txt', code: 0 },
  {
    file: 'vmadm-validate-create.stderr.txt',
    code: 0,
    stdin: JSON.stringify({ brand: 'joyent', image_uuid: BASE64 }),
  },
  {
    file: 'vmadm-validate-create-invalid.stderr.txt',
    code: 1,
    stdin: JSON.stringify({ brand: 'joyent', image_uuid: BASE64, ram: 'lots', colour: 'red' }),
  },
  // the office host's powerdns already has a before-upgrade snapshot: delete it first
  {
    file: 'vmadm-create-snapshot.stderr.txt',
    code: 0,
    before: [['vmadm', 'delete-snapshot', POWERDNS, 'before-upgrade']],
  },
  { file: 'vmadm-rollback-snapshot.stderr.txt', code: 0 },
  { file: 'vmadm-delete-snapshot.stderr.txt', code: 0 },
  { file: 'vmadm-info-vnc.json', code: 0 },
  { file: 'vmadm-info-serial-error.stderr.txt', code: 1 },
];
