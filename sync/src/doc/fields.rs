//! Small typed accessors over Automerge maps and lists, shared by the document modules. Reads
//! report the dotted path of a bad field; writes skip values that are already equal so that a
//! "save everything" from the UI produces no spurious changes (and no spurious conflicts).

use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, Value};

use super::{DocError, SCHEMA_VERSION};
use crate::time::Timestamp;

fn scalar<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str) -> Result<Option<ScalarValue>, DocError> {
    match doc.get(obj, key)? {
        Some((Value::Scalar(v), _)) => Ok(Some(v.into_owned())),
        // An object where a scalar belongs reads as absent: the caller reports it as missing.
        Some((Value::Object(_), _)) | None => Ok(None),
    }
}

pub(crate) fn opt_str<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, path: &str) -> Result<Option<String>, DocError> {
    str_of(scalar(doc, obj, key)?, key, path)
}

pub(crate) fn req_str<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, path: &str) -> Result<String, DocError> {
    opt_str(doc, obj, key, path)?.ok_or_else(|| missing(path, key))
}

pub(crate) fn opt_u64<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, path: &str) -> Result<Option<u64>, DocError> {
    match scalar(doc, obj, key)? {
        None | Some(ScalarValue::Null) => Ok(None),
        Some(ScalarValue::Uint(n)) => Ok(Some(n)),
        Some(ScalarValue::Int(n)) if n >= 0 => Ok(Some(n as u64)),
        Some(_) => Err(wrong_type(path, key, "a non-negative integer")),
    }
}

pub(crate) fn req_u64<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, path: &str) -> Result<u64, DocError> {
    opt_u64(doc, obj, key, path)?.ok_or_else(|| missing(path, key))
}

pub(crate) fn req_u32<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, path: &str) -> Result<u32, DocError> {
    let n = req_u64(doc, obj, key, path)?;
    u32::try_from(n).map_err(|_| DocError::Invalid { path: join(path, key), reason: format!("{n} is too large") })
}

pub(crate) fn opt_time<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, path: &str) -> Result<Option<Timestamp>, DocError> {
    time_of(scalar(doc, obj, key)?, key, path)
}

pub(crate) fn req_time<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, path: &str) -> Result<Timestamp, DocError> {
    opt_time(doc, obj, key, path)?.ok_or_else(|| missing(path, key))
}

fn str_of(value: Option<ScalarValue>, key: &str, path: &str) -> Result<Option<String>, DocError> {
    match value {
        None | Some(ScalarValue::Null) => Ok(None),
        Some(ScalarValue::Str(s)) => Ok(Some(s.to_string())),
        Some(_) => Err(wrong_type(path, key, "text")),
    }
}

fn time_of(value: Option<ScalarValue>, key: &str, path: &str) -> Result<Option<Timestamp>, DocError> {
    match value {
        None | Some(ScalarValue::Null) => Ok(None),
        Some(ScalarValue::Timestamp(t) | ScalarValue::Int(t)) => Ok(Some(Timestamp(t))),
        Some(_) => Err(wrong_type(path, key, "a timestamp")),
    }
}

/// A map of maps read whole at once (Automerge's `hydrate`): for a map with thousands of
/// entries (a roster) several times faster than reading field by field. The same checks and
/// messages as the field accessors above.
pub(crate) fn hydrated_entries<D: ReadDoc>(
    doc: &D,
    map: &ObjId,
    path: &str,
) -> Result<Vec<(String, Hydrated)>, DocError> {
    let automerge::hydrate::Value::Map(mut map) = doc.hydrate(map, None)? else {
        return Err(DocError::WrongType { path: path.to_owned(), expected: "a map" });
    };
    let mut out = Vec::new();
    for (key, entry) in map.drain() {
        match entry.value {
            automerge::hydrate::Value::Map(m) => out.push((key, Hydrated(m))),
            _ => return Err(DocError::WrongType { path: join(path, &key), expected: "a map" }),
        }
    }
    Ok(out)
}

/// One entry of a map of maps, read whole (as [`hydrated_entries`] reads each); `None` when
/// the map has no such key.
pub(crate) fn hydrated_entry<D: ReadDoc>(
    doc: &D,
    map: &ObjId,
    key: &str,
    path: &str,
) -> Result<Option<Hydrated>, DocError> {
    match doc.get(map, key)? {
        None => Ok(None),
        Some((automerge::Value::Object(ObjType::Map), obj)) => match doc.hydrate(&obj, None)? {
            automerge::hydrate::Value::Map(m) => Ok(Some(Hydrated(m))),
            _ => Err(DocError::WrongType { path: join(path, key), expected: "a map" }),
        },
        Some(_) => Err(DocError::WrongType { path: join(path, key), expected: "a map" }),
    }
}

/// One entry of [`hydrated_entries`].
pub(crate) struct Hydrated(automerge::hydrate::Map);

impl Hydrated {
    fn scalar(&self, key: &str) -> Option<ScalarValue> {
        match self.0.get(key) {
            Some(automerge::hydrate::Value::Scalar(v)) => Some(v.clone()),
            // An object where a scalar belongs reads as absent, as with `scalar` above.
            _ => None,
        }
    }

    pub(crate) fn opt_str(&self, key: &str, path: &str) -> Result<Option<String>, DocError> {
        str_of(self.scalar(key), key, path)
    }

    pub(crate) fn req_str(&self, key: &str, path: &str) -> Result<String, DocError> {
        self.opt_str(key, path)?.ok_or_else(|| missing(path, key))
    }

    pub(crate) fn opt_time(&self, key: &str, path: &str) -> Result<Option<Timestamp>, DocError> {
        time_of(self.scalar(key), key, path)
    }

    pub(crate) fn req_time(&self, key: &str, path: &str) -> Result<Timestamp, DocError> {
        self.opt_time(key, path)?.ok_or_else(|| missing(path, key))
    }
}

/// A child object of the given type, if present.
pub(crate) fn opt_obj<D: ReadDoc>(
    doc: &D,
    obj: &ObjId,
    key: &str,
    ty: ObjType,
    path: &str,
) -> Result<Option<ObjId>, DocError> {
    match doc.get(obj, key)? {
        Some((Value::Object(t), id)) if t == ty => Ok(Some(id)),
        Some((Value::Scalar(v), _)) if matches!(v.as_ref(), ScalarValue::Null) => Ok(None),
        Some(_) => Err(wrong_type(path, key, if ty == ObjType::List { "a list" } else { "a map" })),
        None => Ok(None),
    }
}

pub(crate) fn req_obj<D: ReadDoc>(doc: &D, obj: &ObjId, key: &str, ty: ObjType, path: &str) -> Result<ObjId, DocError> {
    opt_obj(doc, obj, key, ty, path)?.ok_or_else(|| missing(path, key))
}

/// The child maps of a list, in order.
pub(crate) fn list_maps<D: ReadDoc>(doc: &D, list: &ObjId, path: &str) -> Result<Vec<ObjId>, DocError> {
    let mut out = Vec::new();
    for i in 0..doc.length(list) {
        match doc.get(list, i)? {
            Some((Value::Object(ObjType::Map), id)) => out.push(id),
            _ => return Err(DocError::WrongType { path: format!("{path}[{i}]"), expected: "a map" }),
        }
    }
    Ok(out)
}

/// The strings of a list, in order.
pub(crate) fn list_strs<D: ReadDoc>(doc: &D, list: &ObjId, path: &str) -> Result<Vec<String>, DocError> {
    let mut out = Vec::new();
    for i in 0..doc.length(list) {
        match doc.get(list, i)? {
            Some((Value::Scalar(v), _)) => match v.as_ref() {
                ScalarValue::Str(s) => out.push(s.to_string()),
                _ => return Err(DocError::WrongType { path: format!("{path}[{i}]"), expected: "text" }),
            },
            _ => return Err(DocError::WrongType { path: format!("{path}[{i}]"), expected: "text" }),
        }
    }
    Ok(out)
}

/// The keys and child maps of a map.
pub(crate) fn map_entries<D: ReadDoc>(doc: &D, map: &ObjId, path: &str) -> Result<Vec<(String, ObjId)>, DocError> {
    let mut out = Vec::new();
    for key in doc.keys(map) {
        match doc.get(map, key.as_str())? {
            Some((Value::Object(ObjType::Map), id)) => out.push((key, id)),
            _ => return Err(DocError::WrongType { path: join(path, &key), expected: "a map" }),
        }
    }
    Ok(out)
}

/// Check the root's `kind` and `schema` fields.
pub(crate) fn check_header<D: ReadDoc>(doc: &D, kind: &'static str) -> Result<(), DocError> {
    let root = automerge::ROOT;
    let found = opt_str(doc, &root, "kind", "")?.unwrap_or_default();
    if found != kind {
        return Err(DocError::WrongKind { expected: kind, found });
    }
    let schema = req_u64(doc, &root, "schema", "")?;
    if schema > SCHEMA_VERSION {
        return Err(DocError::NewerSchema { found: schema, supported: SCHEMA_VERSION });
    }
    Ok(())
}

pub(crate) fn write_header<T: Transactable>(tx: &mut T, kind: &'static str) -> Result<(), DocError> {
    tx.put(automerge::ROOT, "schema", SCHEMA_VERSION)?;
    tx.put(automerge::ROOT, "kind", kind)?;
    Ok(())
}

/// Put a scalar unless the field already holds exactly that value (and no conflict).
pub(crate) fn put_if_changed<T, V>(tx: &mut T, obj: &ObjId, key: &str, value: V) -> Result<(), DocError>
where
    T: Transactable + ReadDoc,
    V: Into<ScalarValue>,
{
    let value = value.into();
    let current = tx.get_all(obj, key)?;
    let unchanged = current.len() == 1 && matches!(&current[0].0, Value::Scalar(v) if v.as_ref() == &value);
    if !unchanged {
        tx.put(obj, key, value)?;
    }
    Ok(())
}

/// Put an optional string: `None` deletes the field.
pub(crate) fn put_opt_str<T: Transactable + ReadDoc>(
    tx: &mut T,
    obj: &ObjId,
    key: &str,
    value: Option<&str>,
) -> Result<(), DocError> {
    if let Some(v) = value {
        put_if_changed(tx, obj, key, v)
    } else {
        if tx.get(obj, key)?.is_some() {
            tx.delete(obj, key)?;
        }
        Ok(())
    }
}

/// The child map at `key`, created if absent.
pub(crate) fn ensure_map<T: Transactable + ReadDoc>(tx: &mut T, obj: &ObjId, key: &str) -> Result<ObjId, DocError> {
    match tx.get(obj, key)? {
        Some((Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Ok(tx.put_object(obj, key, ObjType::Map)?),
    }
}

/// Replace the list at `key` with the given strings if it differs.
pub(crate) fn put_str_list<T: Transactable + ReadDoc>(
    tx: &mut T,
    obj: &ObjId,
    key: &str,
    items: &[String],
) -> Result<(), DocError> {
    if let Some(list) = opt_obj(tx, obj, key, ObjType::List, key)?
        && list_strs(tx, &list, key)? == items
    {
        return Ok(());
    }
    let list = tx.put_object(obj, key, ObjType::List)?;
    for (i, item) in items.iter().enumerate() {
        tx.insert(&list, i, item.as_str())?;
    }
    Ok(())
}

pub(crate) fn timestamp(t: Timestamp) -> ScalarValue {
    ScalarValue::Timestamp(t.0)
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

fn missing(path: &str, key: &str) -> DocError {
    DocError::Missing { path: join(path, key) }
}

fn wrong_type(path: &str, key: &str, expected: &'static str) -> DocError {
    DocError::WrongType { path: join(path, key), expected }
}

/// Parse an enum-like string field through `FromStr`, naming the path on failure.
pub(crate) fn parse_enum<E: std::str::FromStr>(value: &str, path: &str, key: &str) -> Result<E, DocError> {
    value.parse().map_err(|_| DocError::Invalid { path: join(path, key), reason: format!("unknown value {value:?}") })
}
