// Confirmation dialogs and window closing of the manual's logout steps (chapter 5) and
// 電子証明書管理 (chapter 3). Without script the buttons still submit their forms.
(function () {
    "use strict";

    function closeWindow(fallbackId) {
        window.close();
        // Browsers refuse to close windows they did not open by script; say so instead of doing nothing.
        window.setTimeout(function () {
            var fallback = fallbackId ? document.getElementById(fallbackId) : document.querySelector("[data-close-fallback]");
            if (fallback) {
                fallback.hidden = false;
            }
        }, 300);
    }

    // Login needs cookies (manual chapter 1): say so before the user types anything.
    // Chromium keeps navigator.cookieEnabled true when its settings block cookies, so a test cookie is written and read back.
    function cookiesWork() {
        if (!navigator.cookieEnabled) {
            return false;
        }

        var probe = "shinkin-script-cookie-check=1";
        document.cookie = probe + "; path=/; Secure; SameSite=Strict; max-age=10";
        var works = document.cookie.indexOf(probe) !== -1;
        document.cookie = probe + "; path=/; Secure; SameSite=Strict; max-age=0";
        return works;
    }

    var hints = document.querySelectorAll("[data-cookie-hint]");
    if (hints.length > 0 && !cookiesWork()) {
        hints.forEach(function (hint) {
            hint.hidden = false;
        });
    }

    document.addEventListener("click", function (event) {
        var target = event.target instanceof Element ? event.target.closest("[data-dialog], [data-dialog-action], [data-close-window]") : null;
        if (!target) {
            return;
        }

        if (target.hasAttribute("data-dialog")) {
            var dialog = document.getElementById(target.getAttribute("data-dialog"));
            if (dialog && typeof dialog.showModal === "function") {
                event.preventDefault();
                dialog.showModal();
            }
            return;
        }

        if (target.hasAttribute("data-close-window")) {
            event.preventDefault();
            closeWindow(target.getAttribute("data-close-window"));
            return;
        }

        var action = target.getAttribute("data-dialog-action");
        var owner = target.closest("dialog");
        if (owner) {
            owner.close();
        }

        if (action === "submit") {
            var form = document.getElementById(target.getAttribute("data-form"));
            if (form) {
                form.submit();
            }
        } else if (action === "navigate") {
            window.location.href = target.getAttribute("data-href");
        } else if (action === "close-window") {
            closeWindow(target.getAttribute("data-fallback"));
        }
    });
})();
