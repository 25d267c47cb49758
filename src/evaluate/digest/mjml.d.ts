// mjml 5 ships no type declarations: the part Feedloop calls.
declare module 'mjml' {
  interface MjmlError {
    line: number;
    message: string;
    tagName: string;
    formattedMessage: string;
  }
  export default function mjml2html(
    mjml: string,
    options?: { validationLevel?: 'strict' | 'soft' | 'skip'; minify?: boolean; beautify?: boolean; keepComments?: boolean },
  ): Promise<{ html: string; errors: MjmlError[] }>;
}
