import { Runtime } from '../../emulator/runtime';
import { createHtmlService } from '../../emulator/services/html';

function setup() {
  const rt = new Runtime();
  return { rt, html: createHtmlService(rt) };
}

describe('HtmlService outputs', () => {
  test('createHtmlOutput with title and size; append is raw, appendUntrusted escapes', () => {
    const { html } = setup();
    const out = html
      .createHtmlOutput('<h1>Мониторинг</h1>')
      .setTitle('Настройки')
      .setWidth(400)
      .setHeight(300)
      .append('<p>ok</p>')
      .appendUntrusted('<script>x</script>');
    expect(out.getTitle()).toBe('Настройки');
    expect(out.getWidth()).toBe(400);
    expect(out.getHeight()).toBe(300);
    expect(out.getContent()).toBe('<h1>Мониторинг</h1><p>ok</p>&lt;script&gt;x&lt;/script&gt;');
  });

  test('createHtmlOutputFromFile reads the registered files, with or without ".html"', () => {
    const { html } = setup();
    html.__setFiles({ Sidebar: '<div>sidebar</div>', 'Help.html': '<p>help</p>' });
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<div>sidebar</div>');
    expect(html.createHtmlOutputFromFile('Help').getContent()).toBe('<p>help</p>');
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  test('enums are the member names', () => {
    const { html } = setup();
    expect(html.SandboxMode.IFRAME).toBe('IFRAME');
    expect(html.XFrameOptionsMode.ALLOWALL).toBe('ALLOWALL');
  });
});

describe('HtmlService templates', () => {
  test('<?= ?> escapes, <?!= ?> does not', () => {
    const { html } = setup();
    expect(html.createTemplate("<?= '<b>' ?>").evaluate().getContent()).toBe('&lt;b&gt;');
    expect(html.createTemplate("<?!= '<b>' ?>").evaluate().getContent()).toBe('<b>');
  });

  test('scriptlets loop and branch over template properties', () => {
    const { html } = setup();
    html.__setFiles({
      List:
        '<ul><? for (var i = 0; i < schools.length; i++) { ?><li><?= schools[i] ?></li><? } ?></ul>' +
        '<? if (showTotal) { ?><p>Всего: <?= schools.length ?></p><? } ?>',
    });
    const t = html.createTemplateFromFile('List');
    t.schools = ['СОШ №1', 'Гимназия "Лидер" & Ко'];
    t.showTotal = true;
    expect(t.evaluate().getContent()).toBe(
      '<ul><li>СОШ №1</li><li>Гимназия &quot;Лидер&quot; &amp; Ко</li></ul><p>Всего: 2</p>',
    );
  });

  test("scriptlets can call the script's globals (an include helper)", () => {
    const { html } = setup();
    html.__setFiles({ Page: '<?!= include("Style") ?><p>x</p>', Style: '<style>p{}</style>' });
    html.__setGlobals({
      include: (name: string) => html.createHtmlOutputFromFile(name).getContent(),
    });
    expect(html.createTemplateFromFile('Page').evaluate().getContent()).toBe(
      '<style>p{}</style><p>x</p>',
    );
  });

  test('getRawContent returns the source; evaluate is counted', () => {
    const { rt, html } = setup();
    const t = html.createTemplate('<?= 1 + 1 ?>');
    expect(t.getRawContent()).toBe('<?= 1 + 1 ?>');
    rt.calls.reset();
    expect(t.evaluate().getContent()).toBe('2');
    expect(rt.calls.get('HtmlService', 'HtmlTemplate.evaluate')).toBe(1);
  });
});
