import { describe, expect, it } from 'vitest';

import { canAdminister, canOperate, powerActionsFor, vmName } from './vmActions';

describe('powerActionsFor', () => {
  it('offers start when the VM is down', () => {
    expect(powerActionsFor('stopped')).toEqual(['start']);
    expect(powerActionsFor('failed')).toEqual(['start']);
    expect(powerActionsFor('installed')).toEqual(['start']);
  });

  it('offers stop, reboot and force stop while it runs', () => {
    expect(powerActionsFor('running')).toEqual(['stop', 'reboot', 'forceStop']);
  });

  it('offers only force stop while a shutdown is under way', () => {
    expect(powerActionsFor('shutting_down')).toEqual(['forceStop']);
    expect(powerActionsFor('stopping')).toEqual(['forceStop']);
  });

  it('offers nothing while the VM is being made', () => {
    expect(powerActionsFor('provisioning')).toEqual([]);
    expect(powerActionsFor('incomplete')).toEqual([]);
  });
});

describe('canAdminister', () => {
  it('lets only admins create, edit and delete VMs', () => {
    expect(canAdminister('viewer')).toBe(false);
    expect(canAdminister('operator')).toBe(false);
    expect(canAdminister('admin')).toBe(true);
  });
});

describe('canOperate', () => {
  it('lets operators and admins use power actions', () => {
    expect(canOperate('viewer')).toBe(false);
    expect(canOperate('operator')).toBe(true);
    expect(canOperate('admin')).toBe(true);
  });
});

describe('vmName', () => {
  it('falls back to the uuid', () => {
    expect(vmName({ alias: 'samba', uuid: 'u' })).toBe('samba');
    expect(vmName({ alias: null, uuid: 'u' })).toBe('u');
  });
});
