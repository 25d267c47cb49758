// The dashboard offers exactly the countries the server can read phone numbers of.
import { describe, expect, it } from 'vitest';
import { getCountryCodeForRegionCode, getSupportedRegionCodes } from 'awesome-phonenumber';
import { PHONE_COUNTRIES } from './phone-countries';

describe('phone countries', () => {
  it("are awesome-phonenumber's regions, each with its calling code", () => {
    const regions = getSupportedRegionCodes();
    expect(Object.keys(PHONE_COUNTRIES).sort()).toEqual([...regions].sort());
    for (const region of regions) expect(PHONE_COUNTRIES[region], region).toBe(getCountryCodeForRegionCode(region));
  });

  it('each has a name in every dashboard language', () => {
    for (const locale of ['fa', 'ar', 'zh', 'en']) {
      const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      for (const region of Object.keys(PHONE_COUNTRIES)) expect(names.of(region), `${region} in ${locale}`).toBeTruthy();
    }
  });
});
