#include "validate/brief_schema.h"

namespace brief {

// Kept in step with validate_brief.cc and docs/brief-format.md by a test
// (tests/schema_test.cc) that runs every valid brief and the structural
// invalid ones through it.
const char* BriefJsonSchema() {
  return R"JSON({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "brief.schema.json",
  "title": "Company brief (brief format version 1)",
  "description": "A YAML company brief for the brief tool: brief validate checks it, brief render makes a one-page PDF.",
  "type": "object",
  "additionalProperties": false,
  "required": ["brief", "as_of", "company", "history", "sources"],
  "properties": {
    "brief": {"const": 1, "description": "The format version; only 1 exists."},
    "as_of": {"$ref": "#/$defs/date", "description": "The date the facts are current as of."},
    "prepared_by": {"$ref": "#/$defs/text80", "description": "Who prepared the brief: the PDF's author."},
    "language": {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                 "description": "The BCP 47 tag of the brief's text (default en): the PDF's language."},
    "company": {
      "type": "object",
      "additionalProperties": false,
      "required": ["name", "headquarters", "founded", "industry", "summary"],
      "properties": {
        "name": {"$ref": "#/$defs/text80", "description": "The company's name."},
        "native_name": {"$ref": "#/$defs/text80", "description": "The name in the company's own script."},
        "headquarters": {"$ref": "#/$defs/text120"},
        "founded": {"$ref": "#/$defs/year"},
        "industry": {"$ref": "#/$defs/text120"},
        "ownership": {"$ref": "#/$defs/text120"},
        "employees": {"$ref": "#/$defs/count"},
        "website": {"$ref": "#/$defs/url"},
        "logo": {"type": "string", "minLength": 1, "description": "A PNG or JPEG, relative to the brief's folder."},
        "people": {
          "type": ["array", "null"], "maxItems": 20,
          "items": {
            "type": "object", "additionalProperties": false, "required": ["name", "role"],
            "properties": {"name": {"$ref": "#/$defs/text80"}, "role": {"$ref": "#/$defs/text120"}}
          }
        },
        "summary": {"$ref": "#/$defs/text900"}
      }
    },
    "history": {
      "type": "array", "minItems": 1, "maxItems": 100,
      "items": {
        "type": "object", "additionalProperties": false, "required": ["date", "event"],
        "properties": {"date": {"$ref": "#/$defs/date"}, "event": {"$ref": "#/$defs/text160"}}
      }
    },
    "rankings": {
      "type": ["array", "null"], "maxItems": 100,
      "items": {
        "type": "object", "additionalProperties": false, "required": ["year", "list", "rank"],
        "properties": {
          "year": {"$ref": "#/$defs/year"},
          "list": {"$ref": "#/$defs/text160"},
          "rank": {"type": "integer", "minimum": 1},
          "of": {"type": "integer", "minimum": 1}
        }
      }
    },
    "revenue": {
      "type": ["array", "null"], "maxItems": 100,
      "items": {
        "type": "object", "additionalProperties": false, "required": ["year", "amount", "currency"],
        "properties": {
          "year": {"$ref": "#/$defs/year"},
          "amount": {"type": "number", "exclusiveMinimum": 0, "maximum": 1e15},
          "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "An active ISO 4217 code."},
          "approximate": {"type": "boolean"},
          "note": {"$ref": "#/$defs/text160"}
        }
      }
    },
    "volumes": {
      "type": ["array", "null"], "maxItems": 100,
      "items": {
        "type": "object", "additionalProperties": false, "required": ["year"],
        "anyOf": [{"required": ["produced"]}, {"required": ["delivered"]}],
        "properties": {
          "year": {"$ref": "#/$defs/year"},
          "produced": {"$ref": "#/$defs/count"},
          "delivered": {"$ref": "#/$defs/count"},
          "approximate": {"type": "boolean"},
          "note": {"$ref": "#/$defs/text160"}
        }
      }
    },
    "disruptions": {
      "type": ["array", "null"], "maxItems": 20,
      "items": {
        "type": "object", "additionalProperties": false, "required": ["date", "title", "summary"],
        "properties": {
          "date": {"$ref": "#/$defs/date"},
          "title": {"$ref": "#/$defs/text160"},
          "summary": {"$ref": "#/$defs/text600"},
          "status": {"enum": ["ongoing", "partial", "resolved"]}
        }
      }
    },
    "ev_roadmap": {
      "type": ["object", "null"], "additionalProperties": false,
      "properties": {
        "milestones": {
          "type": ["array", "null"], "maxItems": 20,
          "items": {
            "type": "object", "additionalProperties": false, "required": ["date", "milestone", "status"],
            "properties": {
              "date": {"$ref": "#/$defs/date"},
              "milestone": {"$ref": "#/$defs/text160"},
              "status": {"enum": ["planned", "in_progress", "done", "delayed", "cancelled"]}
            }
          }
        },
        "pillars": {"type": ["array", "null"], "maxItems": 20, "items": {"$ref": "#/$defs/text160"}}
      }
    },
    "partnerships": {
      "type": ["array", "null"], "maxItems": 100,
      "items": {
        "type": "object", "additionalProperties": false, "required": ["partner", "kind"],
        "properties": {
          "partner": {"$ref": "#/$defs/text80"},
          "kind": {"enum": ["contract_assembly", "licensing", "joint_venture", "supply", "technology", "distribution", "shareholder", "investor", "other"]},
          "scope": {"$ref": "#/$defs/text160"},
          "since": {"$ref": "#/$defs/year"},
          "until": {"$ref": "#/$defs/year"},
          "status": {"enum": ["active", "ended"]}
        }
      }
    },
    "sources": {
      "type": "array", "minItems": 1, "maxItems": 20,
      "items": {
        "type": "object", "additionalProperties": false, "required": ["name"],
        "properties": {"name": {"$ref": "#/$defs/text160"}, "url": {"$ref": "#/$defs/url"}, "note": {"$ref": "#/$defs/text320"}}
      }
    }
  },
  "$defs": {
    "date": {
      "description": "YYYY, YYYY-MM or YYYY-MM-DD, from 1800 to 2200.",
      "anyOf": [
        {"type": "integer", "minimum": 1800, "maximum": 2200},
        {"type": "string", "pattern": "^(1[89][0-9]{2}|2[01][0-9]{2}|2200)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"}
      ]
    },
    "year": {"type": "integer", "minimum": 1800, "maximum": 2200},
    "count": {"type": "integer", "minimum": 1, "maximum": 10000000000},
    "url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*$"},
    "text80": {"type": ["string", "number", "boolean"], "minLength": 1, "maxLength": 80},
    "text120": {"type": ["string", "number", "boolean"], "minLength": 1, "maxLength": 120},
    "text160": {"type": ["string", "number", "boolean"], "minLength": 1, "maxLength": 160},
    "text320": {"type": ["string", "number", "boolean"], "minLength": 1, "maxLength": 320},
    "text600": {"type": ["string", "number", "boolean"], "minLength": 1, "maxLength": 600},
    "text900": {"type": ["string", "number", "boolean"], "minLength": 1, "maxLength": 900}
  }
}
)JSON";
}

}  // namespace brief
