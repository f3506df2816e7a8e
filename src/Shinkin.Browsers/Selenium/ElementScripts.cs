using System.Text.Json;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>
/// In-page JavaScript that resolves a <see cref="Target"/> the way Playwright's getByTestId, getByRole (exact
/// name), getByLabel (exact), getByText and a locator's filter / chaining do, so both engines find the same
/// elements in the same order. The target travels as JSON; a scope (<see cref="Target.Within"/>) is resolved first.
/// </summary>
internal static class ElementScripts
{
    public const string Find = """
        const spec = JSON.parse(arguments[0]);
        const norm = s => (s || '').replace(/\s+/g, ' ').trim();
        const shown = e => e.checkVisibility ? e.checkVisibility({ visibilityProperty: true }) : e.getClientRects().length > 0;
        const byOrder = (a, b) => a === b ? 0 : (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
        const textOf = ids => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(x => norm(x.textContent)).join(' ');
        const selectors = {
          Button: 'button, input[type=button], input[type=submit], input[type=reset], input[type=image], [role=button]',
          Link: 'a[href], area[href], [role=link]',
          TextBox: 'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], input[type=password], textarea, [role=textbox]',
          CheckBox: 'input[type=checkbox], [role=checkbox]',
          Radio: 'input[type=radio], [role=radio]',
          ComboBox: 'select:not([multiple]), [role=combobox]',
          Tab: '[role=tab]',
          Heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
          Cell: 'td, [role=cell], [role=gridcell]',
          Row: 'tr, [role=row]',
          Dialog: 'dialog, [role=dialog]',
          Main: 'main, [role=main]',
          Banner: 'body > header, [role=banner]'
        };
        selectors.Action = [selectors.Button, selectors.Link, selectors.Tab].join(', ');
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
        const find = (root, s) => {
          if (s.within) {
            const scopes = find(root, s.within);
            const scope = scopes[s.within.index || 0];
            if (!scope) return [];
            root = scope;
          }
          if (s.testid) {
            return Array.from(root.querySelectorAll('[data-testid]')).filter(e => e.getAttribute('data-testid') === s.testid);
          }
          if (s.label) {
            const found = new Set();
            for (const l of root.querySelectorAll('label')) {
              if (l.control && root.contains(l.control) && norm(l.innerText || l.textContent) === s.label) found.add(l.control);
            }
            for (const e of root.querySelectorAll('[aria-label]')) {
              if (norm(e.getAttribute('aria-label')) === s.label) found.add(e);
            }
            for (const e of root.querySelectorAll('[aria-labelledby]')) {
              if (textOf(e.getAttribute('aria-labelledby')) === s.label) found.add(e);
            }
            return Array.from(found).sort(byOrder);
          }
          if (s.text) {
            // (Keys avoid Object.prototype names such as valueOf.) The innermost visible elements whose text contains it, as getByText returns them.
            const holds = e => norm(e.textContent).includes(s.text);
            return Array.from(root.querySelectorAll('body *, :scope *'))
              .filter(e => !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(e.tagName) && holds(e) && !Array.from(e.children).some(holds) && shown(e));
          }
          if (s.beside) {
            const hits = document.evaluate(s.xpath, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
            return Array.from({ length: hits.snapshotLength }, (_, i) => hits.snapshotItem(i));
          }
          const candidates = Array.from(root.querySelectorAll(selectors[s.role] || '[role=none-such]'))
            .filter(e => shown(e) && e.getAttribute('aria-hidden') !== 'true');
          return candidates
            .filter(e => !s.name || accessibleName(e) === s.name)
            .filter(e => !s.hasText || norm(e.innerText || e.textContent).includes(s.hasText));
        };
        return Array.from(new Set(find(document, spec)));
        """;

    public const string ErrorPage = """
        return location.href.startsWith('chrome-error://') || !!document.querySelector('#main-frame-error, .interstitial-wrapper, #main-message > h1')
          ? (document.title || location.href) : null;
        """;

    public static object?[] Arguments(Target target, LocatorMode mode) => [JsonSerializer.Serialize(Spec(target, mode))];

    private static Dictionary<string, object?> Spec(Target target, LocatorMode mode)
    {
        if (target.UsesTestId(mode))
        {
            return new() { ["testid"] = target.TestId, ["index"] = 0 };
        }

        var spec = new Dictionary<string, object?> { ["index"] = target.Index };
        if (target.Within is { } within)
        {
            spec["within"] = Spec(within, LocatorMode.Labels);
        }

        switch (target)
        {
            case { Role: not TargetRole.None }:
                spec["role"] = target.Role.ToString();
                spec["name"] = target.Name;
                spec["hasText"] = target.HasText;
                break;
            case { Label: { } label }:
                spec["label"] = label;
                break;
            case { Text: { } text }:
                spec["text"] = text;
                break;
            case { ValueOf: { } header }:
                spec["beside"] = header;
                spec["xpath"] = TargetText.ValueBesideXPath(header);
                break;
        }

        return spec;
    }
}
