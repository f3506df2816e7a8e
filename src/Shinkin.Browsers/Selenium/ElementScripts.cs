namespace Shinkin.Browsers;

/// <summary>
/// In-page JavaScript that resolves a <see cref="Target"/> the way Playwright's getByTestId / getByRole
/// (exact name) / getByLabel (exact) do, so both engines find the same elements in the same order.
/// </summary>
internal static class ElementScripts
{
    public const string Find = """
        const [kind, value, role] = arguments;
        const norm = s => (s || '').replace(/\s+/g, ' ').trim();
        const shown = e => e.checkVisibility ? e.checkVisibility({ visibilityProperty: true }) : e.getClientRects().length > 0;
        const byOrder = (a, b) => a === b ? 0 : (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
        const textOf = ids => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(x => norm(x.textContent)).join(' ');
        if (kind === 'testid') {
          return Array.from(document.querySelectorAll('[data-testid]')).filter(e => e.getAttribute('data-testid') === value);
        }
        if (kind === 'label') {
          const found = new Set();
          for (const l of document.querySelectorAll('label')) {
            if (l.control && norm(l.innerText || l.textContent) === value) found.add(l.control);
          }
          for (const e of document.querySelectorAll('[aria-label]')) {
            if (norm(e.getAttribute('aria-label')) === value) found.add(e);
          }
          for (const e of document.querySelectorAll('[aria-labelledby]')) {
            if (textOf(e.getAttribute('aria-labelledby')) === value) found.add(e);
          }
          return Array.from(found).sort(byOrder);
        }
        const selectors = {
          Button: 'button, input[type=button], input[type=submit], input[type=reset], input[type=image], [role=button]',
          Link: 'a[href], area[href], [role=link]',
          TextBox: 'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], textarea, [role=textbox]',
          CheckBox: 'input[type=checkbox], [role=checkbox]',
          Radio: 'input[type=radio], [role=radio]',
          ComboBox: 'select:not([multiple]), [role=combobox]',
          Tab: '[role=tab]',
          Heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
          Cell: 'td, [role=cell], [role=gridcell]',
          Row: 'tr, [role=row]',
          Dialog: 'dialog, [role=dialog]'
        };
        const accessibleName = e => {
          if (e.hasAttribute('aria-labelledby')) return textOf(e.getAttribute('aria-labelledby'));
          if (e.hasAttribute('aria-label')) return norm(e.getAttribute('aria-label'));
          const tag = e.tagName.toLowerCase();
          if (tag === 'input' && ['button', 'submit', 'reset'].includes(e.type)) return norm(e.value || (e.type === 'submit' ? 'Submit' : e.type === 'reset' ? 'Reset' : ''));
          if (tag === 'input' && e.type === 'image') return norm(e.alt);
          if ((tag === 'input' || tag === 'select' || tag === 'textarea') && e.labels && e.labels.length) return norm(Array.from(e.labels).map(l => l.innerText || l.textContent).join(' '));
          if (tag === 'input' || tag === 'select' || tag === 'textarea') return norm(e.title || e.placeholder);
          const text = norm(e.innerText || e.textContent);
          return text || norm(e.title);
        };
        const candidates = Array.from(document.querySelectorAll(selectors[role] || '[role=none-such]'))
          .filter(e => shown(e) && e.getAttribute('aria-hidden') !== 'true');
        return value === null ? candidates : candidates.filter(e => accessibleName(e) === value);
        """;

    public const string ErrorPage = """
        return location.href.startsWith('chrome-error://') || !!document.querySelector('#main-frame-error, .interstitial-wrapper, #main-message > h1')
          ? (document.title || location.href) : null;
        """;

    public static object?[] Arguments(Target target) => target switch
    {
        { TestId: { } id } => ["testid", id, null],
        { Role: not TargetRole.None } => ["role", target.Name, target.Role.ToString()],
        _ => ["label", target.Label, null],
    };
}
