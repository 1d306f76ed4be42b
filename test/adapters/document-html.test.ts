/**
 * The document page's text escaping (src/adapters/gas/documentHtml.ts): what HTML would read as
 * markup, break or collapse is written so that the imported text reads the same; other text is
 * written as it is.
 */
import { escapeText } from '../../src/adapters/gas/documentHtml';

describe('escapeText', () => {
  it('writes plain text as it is', () => {
    expect(escapeText('Руководителю МБОУ «Средняя школа № 5»')).toBe(
      'Руководителю МБОУ «Средняя школа № 5»',
    );
    expect(escapeText('')).toBe('');
  });

  it('escapes markup characters, so respondent text stays text', () => {
    expect(escapeText(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
  });

  it('keeps line breaks, tabs and the spaces HTML would collapse', () => {
    expect(escapeText('один\nдва\r\nтри\rчетыре')).toBe('один<br>два<br>три<br>четыре');
    expect(escapeText('a\tb')).toBe('a b');
    expect(escapeText('a  b')).toBe('a \u00a0b');
    expect(escapeText(' a')).toBe('\u00a0a');
    expect(escapeText('a ')).toBe('a\u00a0');
    expect(escapeText('a b')).toBe('a b');
  });
});
