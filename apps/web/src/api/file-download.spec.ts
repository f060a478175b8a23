import { base64ToBytes } from './file-download';

describe('base64ToBytes', () => {
  it('decodes the bytes of an .xlsx or .docx (a zip: "PK\\u0003\\u0004")', () => {
    expect([...base64ToBytes('UEsDBA==')]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('decodes every byte value, as a PDF has them', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });
});
