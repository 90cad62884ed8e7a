import { listDepartments } from '../../../lib/use-cases/list-reference';

describe('GET /v1/departments', () => {
  it('answers each department by id and name only: never its duty or head staff', async () => {
    const reference = {
      departments: async () => [
        { departmentId: 'urban', name: '城市管理局', dutyStaffId: 'dept-urban', headStaffId: 'dept-urban-head' },
        { departmentId: 'water', name: '供水公司', dutyStaffId: 'dept-water', headStaffId: 'dept-water-head' },
      ],
    };
    expect(await listDepartments({ reference: reference as never })).toEqual([
      { departmentId: 'urban', name: '城市管理局' },
      { departmentId: 'water', name: '供水公司' },
    ]);
  });
});
