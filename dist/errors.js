export class ClvkitError extends Error {
    location;
    exitCode;
    detail;
    constructor(detail, location = {}, exitCode = 1) {
        super(formatLocation(location) + detail);
        this.name = 'ClvkitError';
        this.detail = detail;
        this.location = location;
        this.exitCode = exitCode;
    }
}
/** Bad usage of the CLI or API (exit code 2). */
export class UsageError extends ClvkitError {
    constructor(detail) {
        super(detail, {}, 2);
        this.name = 'UsageError';
    }
}
function formatLocation({ file, line, column }) {
    if (file === undefined && line === undefined)
        return '';
    let s = file ?? '<input>';
    if (line !== undefined)
        s += `:${line}`;
    if (line !== undefined && column !== undefined)
        s += `:${column}`;
    return s + ': ';
}
//# sourceMappingURL=errors.js.map