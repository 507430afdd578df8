/* sl-comment.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-comment.h"

struct _SlComment
{
  SlRecord  parent_instance;

  char     *target;
  char     *body;
  char     *author;
  gint64    created_at;
};

G_DEFINE_FINAL_TYPE (SlComment, sl_comment, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_BODY,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_comment_finalize (GObject *object)
{
  SlComment *self = (SlComment *)object;

  g_free (self->target);
  g_free (self->body);
  g_free (self->author);

  G_OBJECT_CLASS (sl_comment_parent_class)->finalize (object);
}

static void
sl_comment_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlComment *self = SL_COMMENT (object);

  switch (prop_id)
    {
    case PROP_TARGET: g_value_set_string (value, self->target); break;
    case PROP_BODY: g_value_set_string (value, self->body); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_comment_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlComment *self = SL_COMMENT (object);

  switch (prop_id)
    {
    case PROP_TARGET: g_free (self->target); self->target = g_value_dup_string (value); break;
    case PROP_BODY: g_free (self->body); self->body = g_value_dup_string (value); break;
    case PROP_AUTHOR: g_free (self->author); self->author = g_value_dup_string (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_comment_class_init (SlCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_comment_finalize;
  object_class->get_property = sl_comment_get_property;
  object_class->set_property = sl_comment_set_property;

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_comment_init (SlComment *self)
{
}

SlComment *
sl_comment_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *target = sl_record_column_text (stmt, 2);
  g_autofree char *body = sl_record_column_text (stmt, 3);
  g_autofree char *author = sl_record_column_text (stmt, 4);

  return g_object_new (SL_TYPE_COMMENT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "target", target,
                       "body", body,
                       "author", author,
                       "created-at", sqlite3_column_int64 (stmt, 5),
                       NULL);
}

const char *
sl_comment_get_target (SlComment *self)
{
  g_return_val_if_fail (SL_IS_COMMENT (self), NULL);
  return self->target;
}

const char *
sl_comment_get_body (SlComment *self)
{
  g_return_val_if_fail (SL_IS_COMMENT (self), NULL);
  return self->body;
}

const char *
sl_comment_get_author (SlComment *self)
{
  g_return_val_if_fail (SL_IS_COMMENT (self), NULL);
  return self->author;
}

gint64
sl_comment_get_created_at (SlComment *self)
{
  g_return_val_if_fail (SL_IS_COMMENT (self), 0);
  return self->created_at;
}
