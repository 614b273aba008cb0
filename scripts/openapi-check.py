"""Validates the OpenAPI document read from stdin, independently of utoipa:
the document against the OpenAPI specification (openapi-spec-validator,
which also resolves every $ref), then every named example of a response
against the response's schema (openapi-schema-validator, OpenAPI 3.1's
JSON Schema dialect). Exits non-zero with the validator's message on the
first error; prints what it checked otherwise.

    pip install openapi-spec-validator==0.9.0
    python3 scripts/openapi-check.py < openapi.json
"""

import json
import sys

from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

BASE = "urn:openapi-check:document"


def main() -> None:
    document = json.load(sys.stdin)
    try:
        validate(document)
    except Exception as error:  # the validator's errors, and unresolvable $refs
        sys.exit(f"invalid OpenAPI document: {getattr(error, 'message', error)}")
    # The document is the resource every `#/components/...` $ref points into.
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource(BASE, resource)
    examples = 0
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                for media_type, content in response.get("content", {}).items():
                    schema = content.get("schema", {})
                    if "$ref" in schema:
                        schema = {"$ref": BASE + schema["$ref"]}
                    validator = OAS31Validator(schema, registry=registry)
                    for name, example in content.get("examples", {}).items():
                        errors = list(validator.iter_errors(example["value"]))
                        if errors:
                            sys.exit(f"{method.upper()} {path} {status} {media_type} example {name!r}: {errors[0].message}")
                        examples += 1
    print(f"valid OpenAPI {document['openapi']}; {examples} examples match their schemas")


if __name__ == "__main__":
    main()
