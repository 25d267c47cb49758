// The widget's only styles, put inside each shadow root. Logical properties and flex alignment
// (which follows the writing direction) make right-to-left need no overrides. Colours meet WCAG
// AA contrast in both schemes.
export const CSS = `
:host{all:initial!important;display:block!important}
.fl{--bg:#fff;--fg:#111827;--muted:#4b5563;--line:#6b7280;--edge:#d1d5db;--soft:#f3f4f6;--accent:#1d4ed8;--on-accent:#fff;--error:#b91c1c;--ring:#1d4ed8;
font:15px/1.5 system-ui,"Segoe UI",Roboto,"Vazirmatn Variable",Tahoma,"Noto Sans Arabic","Noto Sans SC Variable","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
color:var(--fg);text-align:start;letter-spacing:normal;word-spacing:normal;text-transform:none;-webkit-text-size-adjust:100%;text-size-adjust:100%}
.fl:lang(fa),.fl:lang(ar){font-family:"Vazirmatn Variable",Tahoma,"Noto Sans Arabic",system-ui,"Segoe UI","Noto Sans SC Variable","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
.fl:lang(zh){font-family:"Noto Sans SC Variable","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,"Segoe UI","Vazirmatn Variable",Tahoma,sans-serif}
@media (prefers-color-scheme:dark){.fl{--bg:#1f2937;--fg:#f9fafb;--muted:#d1d5db;--edge:#4b5563;--soft:#374151;--accent:#2563eb;--error:#fca5a5;--ring:#93c5fd}}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
h2,p,fieldset,legend{margin:0;padding:0;border:0;min-width:0}
button,input,textarea{font:inherit;color:inherit;letter-spacing:inherit;margin:0}
.sr,.hp{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.layer{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483000;display:flex;padding:12px;pointer-events:none}
.layer.end{justify-content:flex-end;align-items:flex-end}
.layer.end.above{padding-block-end:76px}
.layer.center{justify-content:center;align-items:center;background:rgba(17,24,39,.55);pointer-events:auto}
.card{pointer-events:auto;position:relative;display:flex;align-items:flex-start;gap:4px;width:420px;max-width:100%;max-height:100%;overflow:auto;
background:var(--bg);color:var(--fg);border:1px solid var(--edge);border-radius:12px;box-shadow:0 12px 32px rgba(0,0,0,.28);padding:16px;animation:fl-in .18s ease-out}
.main{flex:1;min-width:0}
@keyframes fl-in{from{opacity:0;transform:translateY(12px)}}
.title{font-size:17px;font-weight:600;margin-block-end:12px}
.q{margin-block-end:16px}
.q legend,.q>label{display:block;font-weight:600;margin-block-end:8px}
.req{color:var(--error);margin-inline-start:4px}
.desc{color:var(--muted);font-size:14px;margin-block-end:8px}
.scale{display:grid;gap:4px;grid-template-columns:repeat(var(--n),minmax(0,1fr))}
.scale.wide .chip span{padding-inline:0}
.ends{display:flex;justify-content:space-between;gap:8px;color:var(--muted);font-size:13px;margin-block-start:4px}
.ends span:last-child{text-align:end}
.chip{position:relative;display:block;cursor:pointer}
.chip span{display:flex;align-items:center;justify-content:center;min-height:40px;padding:4px 8px;border:1px solid var(--line);border-radius:8px;background:var(--bg);font-variant-numeric:tabular-nums}
.chip:hover span{background:var(--soft)}
.chip input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.pair{display:flex;gap:8px}
.pair .chip{flex:1}
.stars{display:flex;gap:4px}
.star{position:relative;display:block;cursor:pointer}
.star svg{display:block;border-radius:6px;width:36px;height:36px;fill:none;stroke:var(--muted);stroke-width:1.5}
.star.on svg{fill:#f59e0b;stroke:#b45309}
.choice{display:flex;align-items:flex-start;gap:8px;padding:8px;border:1px solid var(--line);border-radius:8px;margin-block-end:6px;cursor:pointer}
.choice input{width:18px;height:18px;margin-block-start:2px;accent-color:var(--accent);flex:none}
textarea,input[type=email]{display:block;width:100%;padding:8px 10px;border:1px solid var(--line);border-radius:8px;background:var(--bg);resize:vertical}
textarea{min-height:72px}
.invalid textarea,.invalid .chip span,.invalid .choice,textarea[aria-invalid=true],input[aria-invalid=true]{border-color:var(--error)}
.error{color:var(--error);font-weight:600;margin-block-end:8px}
.error:empty{display:none}
.actions{display:flex;gap:8px;justify-content:flex-end;flex-wrap:wrap}
.btn{min-height:40px;padding:8px 18px;border:1px solid var(--accent);border-radius:8px;background:var(--accent);color:var(--on-accent);font-weight:600;cursor:pointer}
.btn.quiet{background:transparent;color:var(--fg);border-color:var(--line)}
.x{order:2;flex:none;width:32px;height:32px;border:0;border-radius:8px;background:transparent;color:var(--muted);font-size:22px;line-height:1;cursor:pointer}
.x:hover,.btn.quiet:hover{background:var(--soft)}
button:focus,input:focus,textarea:focus,[tabindex]:focus{outline:3px solid var(--ring);outline-offset:2px}
.chip input:focus+span,.star input:focus+svg{outline:3px solid var(--ring);outline-offset:2px}
button:focus:not(:focus-visible),.chip input:focus:not(:focus-visible)+span,.star input:focus:not(:focus-visible)+svg{outline:none}
[tabindex="-1"]:focus{outline:none}
.field{margin-block-end:12px}
.field>label{display:block;font-weight:600;margin-block-end:4px}
.kinds .scale{--n:2}
.launcher{pointer-events:auto;display:flex;align-items:center;gap:6px;min-height:44px;padding:10px 18px;border:0;border-radius:999px;background:var(--accent);color:var(--on-accent);font-weight:600;cursor:pointer;box-shadow:0 6px 18px rgba(0,0,0,.25)}
.launcher svg{width:20px;height:20px;fill:currentColor}
.inline{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:8px 0}
.inline .pair .btn{min-width:72px}
.inline form{flex-basis:100%}
.inline label{display:block;font-weight:600;margin-block-end:4px}
.btn.quiet[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.inline textarea{min-height:56px;margin-block-end:8px}
.thanks{font-size:16px;margin-block:8px 12px}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important}}
`;
