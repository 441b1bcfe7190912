"""The kinds of departure, how much each matters, and what to do about it."""

from __future__ import annotations

from generator.errors import Severity

UNDOCUMENTED_OPERATION = "undocumented-operation"
UNDOCUMENTED_STATUS = "undocumented-status"
UNDOCUMENTED_HEADER = "undocumented-response-header"
UNDOCUMENTED_CONTENT_TYPE = "undocumented-content-type"
REQUEST_NOT_ALLOWED = "request-not-allowed"
MISSING_FIELD = "missing-field"
UNDOCUMENTED_FIELD = "undocumented-field"
WRONG_TYPE = "wrong-type"
NULL_NOT_NULLABLE = "null-not-nullable"
ENUM_VALUE = "enum-value"
FORMAT_MISMATCH = "format-mismatch"
CONSTRAINT = "constraint"
PAGINATION_SHAPE = "pagination-shape"
UNCHECKED = "unchecked-body"

# Errors break a generated client (it cannot read the answer as typed); warnings are gaps in the spec.
SEVERITY: dict[str, Severity] = {
    UNDOCUMENTED_OPERATION: Severity.WARNING,
    UNDOCUMENTED_STATUS: Severity.ERROR,
    UNDOCUMENTED_HEADER: Severity.WARNING,
    UNDOCUMENTED_CONTENT_TYPE: Severity.ERROR,
    REQUEST_NOT_ALLOWED: Severity.WARNING,
    MISSING_FIELD: Severity.ERROR,
    UNDOCUMENTED_FIELD: Severity.WARNING,
    WRONG_TYPE: Severity.ERROR,
    NULL_NOT_NULLABLE: Severity.ERROR,
    ENUM_VALUE: Severity.ERROR,
    FORMAT_MISMATCH: Severity.WARNING,
    CONSTRAINT: Severity.WARNING,
    PAGINATION_SHAPE: Severity.ERROR,
    UNCHECKED: Severity.INFO,
}

SUMMARY: dict[str, str] = {
    UNDOCUMENTED_OPERATION: "The API answered a method and path the spec does not document.",
    UNDOCUMENTED_STATUS: "The API answered with a status the operation does not document.",
    UNDOCUMENTED_HEADER: "The API sent a response header the spec does not document.",
    UNDOCUMENTED_CONTENT_TYPE: "The API answered with a content type the response does not document.",
    REQUEST_NOT_ALLOWED: "A request was sent that the spec does not allow.",
    MISSING_FIELD: "A field the schema requires was absent.",
    UNDOCUMENTED_FIELD: "A field was present that a schema listing its properties does not list.",
    WRONG_TYPE: "A value had another type than the schema says.",
    NULL_NOT_NULLABLE: "A value was null where the schema does not allow null.",
    ENUM_VALUE: "A value was not one the schema's enum lists.",
    FORMAT_MISMATCH: "A value did not have the schema's format.",
    CONSTRAINT: "A value was outside a limit of the schema (minimum, length, pattern...).",
    PAGINATION_SHAPE: "A list answer was not paged as the operation's x-pagination says.",
    UNCHECKED: "A body was larger than the check limit and was forwarded unchecked.",
}

ADVICE: dict[str, str] = {
    UNDOCUMENTED_OPERATION: "document the operation under `paths`, or stop calling it",
    UNDOCUMENTED_STATUS: "add the status under the operation's `responses`",
    UNDOCUMENTED_HEADER: "add the header under the response's `headers`",
    UNDOCUMENTED_CONTENT_TYPE: "add the media type under the response's `content`",
    REQUEST_NOT_ALLOWED: "fix the caller, or widen the parameter or body schema if the API takes it",
    MISSING_FIELD: "drop the field from `required`, or mark the schema as the API answers",
    UNDOCUMENTED_FIELD: "add the field under `properties` (or set `additionalProperties: true` if the object is open)",
    WRONG_TYPE: "change the schema's `type` to what the API sends",
    NULL_NOT_NULLABLE: "allow null: `type: [..., 'null']` in 3.1, `nullable: true` in 3.0",
    ENUM_VALUE: "add the value to the `enum`",
    FORMAT_MISMATCH: "drop or correct the `format`",
    CONSTRAINT: "relax the limit to what the API sends",
    PAGINATION_SHAPE: "correct `x-pagination` to where the API puts the items and the next page",
    UNCHECKED: "raise --max-check-bytes to check bodies this large",
}

KINDS = tuple(SEVERITY)
