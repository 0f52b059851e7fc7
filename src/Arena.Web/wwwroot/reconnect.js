// Answers the reconnect dialog's state changes (Components/Layout/ReconnectModal.razor). blazor.web.js retries on its
// own and toggles the dialog's classes; this opens and closes the dialog, retries when the user asks or comes back to
// the tab, and reloads when the server no longer knows this tab's circuit (it restarted): nothing is left to rejoin.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    const open = new Set(["show", "retrying", "failed", "paused", "resume-failed"]);

    modal.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "rejected") { location.reload(); return; }
        if (open.has(state)) { if (!modal.open) modal.showModal(); }
        else modal.close();
        if (state === "failed") document.addEventListener("visibilitychange", retryWhenVisible);
    });

    document.getElementById("components-reconnect-button").addEventListener("click", retry);
    document.getElementById("components-resume-button").addEventListener("click", resume);
    modal.querySelector(".reconnect-reload").addEventListener("click", () => location.reload());

    async function retry() {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        try {
            // true: rejoined; false: the server was reached but has no such circuit any more.
            if (!await Blazor.reconnect()) await resume();
        } catch {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }

    async function resume() {
        try {
            if (!await Blazor.resumeCircuit()) location.reload();
        } catch {
            location.reload();
        }
    }

    function retryWhenVisible() {
        if (document.visibilityState === "visible") retry();
    }
})();
