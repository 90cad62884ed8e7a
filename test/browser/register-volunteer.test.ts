import { DynamoVisitStore } from '../../lib/adapters/aws/dynamo-visit-store';
import { seriousViolations } from '../support/axe';
import { DESKTOP, openPage, PHONE, shoot, signInAs } from '../support/browser';
import { startConsole } from '../support/console-stack';

/** The centre registers a volunteer in the browser; the roster can then book them. */
describe('the centre registers a volunteer', () => {
  jest.setTimeout(120_000);
  let world: Awaited<ReturnType<typeof startConsole>>;
  beforeAll(async () => {
    world = await startConsole();
  });
  afterAll(() => world?.stop());

  it('a wrong phone is named beside its field; a right one registers the volunteer, stored with their contact', async () => {
    const { page, errors, context } = await openPage(world.browser, world.url, DESKTOP);
    await signInAs(page, '指挥中心');
    await page.getByRole('link', { name: '登记志愿者' }).click();
    await page.getByLabel('姓名').fill('周晓梅');
    await page.getByLabel('手机号').fill('12345');
    await page.getByLabel('周三').check();
    await page.getByRole('button', { name: '登记志愿者' }).click();
    await page.locator('#err-phone').waitFor();
    expect(await page.getByLabel('手机号').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'register-volunteer', '01-field-error-desktop');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('手机号').fill('13912348888');
    await page.getByRole('button', { name: '登记志愿者' }).click();
    const done = await page.getByRole('status').textContent();
    const volunteerId = /志愿者编号 (\S+?)。/.exec(done ?? '')?.[1];
    expect(volunteerId).toBeTruthy();
    await shoot(page, 'register-volunteer', '02-registered-desktop');
    // Stored as the API's registration stores a volunteer: the contact the roster's SMS go to.
    const visits = new DynamoVisitStore(world.t.db(), 'minqing-local-main');
    expect(await visits.volunteerContact(volunteerId!)).toMatchObject({ name: '周晓梅', phone: '+8613912348888' });
    expect(await visits.volunteerByPhone('13912348888')).toBe(volunteerId);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone', async () => {
    const { page, context } = await openPage(world.browser, world.url, PHONE);
    await signInAs(page, '指挥中心');
    await page.goto('/admin/volunteers/new');
    await page.getByLabel('姓名').waitFor();
    await shoot(page, 'register-volunteer', '03-form-phone');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
