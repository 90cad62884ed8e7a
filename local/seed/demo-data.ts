import type { Category, Department, Grid, GridShape, Staff } from '../../lib/domain/reference';
import type { RosterVolunteer } from '../../lib/domain/visits/plan-week';

/**
 * Demo data for the local stack: one district (金川区) with four communities, ten grids, six
 * departments, the case categories, a grid worker per grid, department staff, building leads,
 * 30 elders and 100 volunteers. Deterministic, so the README's walkthrough works on every machine.
 * Phone numbers are in the 1380000xxxx block and reach no one.
 */
const COMMUNITIES = [
  { communityId: 'C01', communityName: '北京路社区', lat: 38.5146, lng: 102.1875, streets: ['北京路', '金川路'] },
  { communityId: 'C02', communityName: '桂林路社区', lat: 38.5062, lng: 102.1951, streets: ['桂林路', '新华路'] },
  { communityId: 'C03', communityName: '广州路社区', lat: 38.4987, lng: 102.2036, streets: ['广州路', '延安路'] },
  { communityId: 'C04', communityName: '滨河路社区', lat: 38.4921, lng: 102.1802, streets: ['滨河路', '公园路'] },
];

const ESTATES = ['金水苑', '龙首小区', '紫金花城', '祥和家园', '新华小区', '同心苑', '和谐佳园', '金色家园', '阳光小区', '铜都小区'];

/**
 * Grids of one community sit 0.002° of latitude apart in one column, and the communities' columns lie
 * further apart than a grid is wide: each outline stays inside its own box around its centroid (half
 * these extents), so no two overlap.
 */
const GRID_HALF_HEIGHT = 0.00095;
const GRID_HALF_WIDTH = 0.0024;

/**
 * A plausible outline for a demo grid: an octagon around its centroid, each corner pulled in by its own
 * amount so the blocks do not all look alike. One closed ring of [lng, lat], as GeoJSON has it.
 */
function demoGridShape(centroid: { lat: number; lng: number }, i: number): GridShape {
  const corners: Array<[number, number]> = [[-1, -0.45], [-0.55, -1], [0.5, -1], [1, -0.5], [1, 0.4], [0.6, 1], [-0.45, 1], [-1, 0.55]];
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const ring = corners.map(([x, y], k): [number, number] => {
    const pull = 0.78 + (((i * 7 + k * 3) % 5) / 5) * 0.22;
    return [round(centroid.lng + x * pull * GRID_HALF_WIDTH), round(centroid.lat + y * pull * GRID_HALF_HEIGHT)];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

export const DEMO_GRIDS: Grid[] = ESTATES.map((estate, i) => {
  const community = COMMUNITIES[i % COMMUNITIES.length]!;
  const n = String(i + 1).padStart(2, '0');
  const centroid = { lat: community.lat + (i % 3) * 0.002, lng: community.lng + (i % 2) * 0.002 };
  return {
    gridId: `G${n}`,
    name: `第${n}网格`,
    communityId: community.communityId,
    communityName: community.communityName,
    centroid,
    addressKeywords: [estate, `${community.streets[i % 2]}${10 + i}号`],
    workerStaffId: `gw-G${n}`,
    shape: demoGridShape(centroid, i),
  };
});

export const DEMO_DEPARTMENTS: Department[] = [
  { departmentId: 'urban', name: '城市管理局', dutyStaffId: 'dept-urban', headStaffId: 'dept-urban-head' },
  { departmentId: 'housing', name: '住房和城乡建设局', dutyStaffId: 'dept-housing', headStaffId: 'dept-housing-head' },
  { departmentId: 'water', name: '供水公司', dutyStaffId: 'dept-water', headStaffId: 'dept-water-head' },
  { departmentId: 'power', name: '供电公司', dutyStaffId: 'dept-power', headStaffId: 'dept-power-head' },
  { departmentId: 'civil', name: '民政局', dutyStaffId: 'dept-civil', headStaffId: 'dept-civil-head' },
  { departmentId: 'safety', name: '应急管理局', dutyStaffId: 'dept-safety', headStaffId: 'dept-safety-head' },
  // Takes what no department accepts in time (兜底).
  { departmentId: 'district', name: '区综合执法中心', dutyStaffId: 'dept-district', headStaffId: 'dept-district-head' },
];

export const DEMO_CATEGORIES: Category[] = [
  { code: 'road-damage', name: '道路破损', group: '市容环境', priority: 'general', departmentId: 'urban' },
  { code: 'streetlight', name: '路灯不亮', group: '市容环境', priority: 'general', departmentId: 'urban' },
  { code: 'garbage', name: '垃圾清运', group: '市容环境', priority: 'general', departmentId: 'urban' },
  { code: 'water-outage', name: '停水', group: '水电气暖', priority: 'utilities', departmentId: 'water' },
  { code: 'sewage', name: '污水外溢', group: '水电气暖', priority: 'utilities', departmentId: 'water' },
  { code: 'power-outage', name: '停电', group: '水电气暖', priority: 'utilities', departmentId: 'power' },
  { code: 'heating', name: '供暖不热', group: '水电气暖', priority: 'utilities', departmentId: 'housing' },
  { code: 'property-dispute', name: '物业纠纷', group: '住房物业', priority: 'complex', departmentId: 'housing' },
  { code: 'building-hazard', name: '房屋安全隐患', group: '安全', priority: 'emergency', departmentId: 'safety' },
  { code: 'gas-leak', name: '燃气泄漏', group: '安全', priority: 'emergency', departmentId: 'safety' },
  { code: 'elder-care', name: '老人照护', group: '民生服务', priority: 'general', departmentId: 'civil' },
  { code: 'welfare-check', name: '独居老人失联', group: '民生服务', priority: 'emergency', departmentId: 'civil' },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['秀英', '桂兰', '建国', '玉兰', '志强', '淑珍', '国华', '丽娟', '海燕', '文斌', '春梅', '振华', '红霞', '德明', '晓东'];
const personName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
const phone = (block: number, i: number) => `+861380000${String(block * 1000 + i).padStart(4, '0')}`;

export const DEMO_STAFF: Staff[] = [
  ...DEMO_GRIDS.map((g, i) => ({ staffId: g.workerStaffId, role: 'grid-worker' as const, name: personName(i), phone: phone(1, i + 1), grids: [g.gridId] })),
  ...DEMO_DEPARTMENTS.flatMap((d, i) => [
    { staffId: d.dutyStaffId, role: 'department' as const, name: personName(40 + i), phone: phone(2, i * 2 + 1), grids: [], departmentId: d.departmentId },
    { staffId: d.headStaffId, role: 'department' as const, name: personName(60 + i), phone: phone(2, i * 2 + 2), grids: [], departmentId: d.departmentId },
  ]),
  { staffId: 'admin-centre', role: 'admin', name: '综合指挥中心', phone: phone(3, 1), grids: [] },
  ...DEMO_GRIDS.flatMap((g, gi) =>
    [1, 2, 3].map((b) => ({ staffId: `lead-${g.gridId}-${b}`, role: 'building-lead' as const, name: personName(80 + gi * 3 + b), phone: phone(4, gi * 3 + b), grids: [g.gridId] })),
  ),
];

const TIERS = ['high', 'key', 'general'] as const;
export const DEMO_ELDERS = Array.from({ length: 30 }, (_, i) => {
  const grid = DEMO_GRIDS[i % DEMO_GRIDS.length]!;
  return {
    elderId: `E${String(i + 1).padStart(3, '0')}`,
    gridId: grid.gridId,
    riskTier: TIERS[i % 3]!,
    languages: i % 4 === 0 ? ['gansu-dialect'] : ['zh'],
    ...(i % 5 === 0 ? { preferredGender: 'F' as const } : {}),
    name: `${personName(200 + i)}`,
    phone: i % 3 === 0 ? undefined : phone(5, i + 1),
    address: `${grid.addressKeywords[0]}${(i % 6) + 1}号楼${(i % 4) + 1}单元`,
    emergencyContact: { name: personName(300 + i), phone: phone(6, i + 1) },
  };
});

const AVAILABILITY = [
  [{ days: ['6', '16', '26'], from: '09:00', to: '12:00' }],
  [{ days: ['SAT'], from: '09:00', to: '17:00' }],
  [{ days: ['MON', 'WED', 'FRI'], from: '18:30', to: '20:30' }],
  [{ days: ['TUE', 'THU'], from: '14:00', to: '17:00' }, { days: ['SAT'], from: '09:00', to: '11:30' }],
];
export const DEMO_VOLUNTEERS = Array.from({ length: 100 }, (_, i) => {
  const grid = DEMO_GRIDS[i % DEMO_GRIDS.length]!;
  return {
    volunteerId: `V${String(i + 1).padStart(3, '0')}`,
    gridId: grid.gridId,
    teamId: `T-${grid.communityId}`,
    gender: i % 2 === 0 ? ('F' as const) : ('M' as const),
    languages: i % 5 === 0 ? ['zh', 'gansu-dialect'] : ['zh'],
    availability: AVAILABILITY[i % AVAILABILITY.length]! as RosterVolunteer['availability'],
    maxVisitsPerWeek: 1 + (i % 3),
    ...(i % 2 === 0 ? { wishes: { optIn: true, interests: [['学习用品'], ['生活用品', '维修'], []][i % 3]!, perWeek: 2 } } : {}),
    name: personName(400 + i),
    phone: phone(7, i + 1),
  };
});
