import { queryAsGatewayGivesIt } from '../../../local/http-api';

describe('query parameters as API Gateway hands them to a Lambda (payload 2.0)', () => {
  it('joins the values of a repeated parameter with commas, in order', () => {
    expect(queryAsGatewayGivesIt(new URLSearchParams('limit=5&status=published&limit=6'))).toEqual({ limit: '5,6', status: 'published' });
  });

  it('gives no parameters at all for an empty query', () => {
    expect(queryAsGatewayGivesIt(new URLSearchParams(''))).toBeUndefined();
  });
});
