// The one use of Node's Buffer in the exporter's renderer (an SVG image as base64), for the page.
export const Buffer = {
  from(text: string, _encoding?: string) {
    return {
      toString(_enc: string): string {
        const bytes = new TextEncoder().encode(text);
        let s = "";
        for (let i = 0; i < bytes.length; i += 0x8000)
          s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      },
    };
  },
};
