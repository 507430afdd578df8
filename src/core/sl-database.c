/* sl-database.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sl-database.h"

#define MIGRATIONS_PATH "/io/github/sunlightapp/Sunlight/core/migrations/"
#define HEADER_SIZE 100

struct _SlDatabase
{
  GObject     parent_instance;

  char       *path;
  char       *backup_path;
  sqlite3    *handle;
  GHashTable *statements;   /* sql → sqlite3_stmt */
  guint       depth;        /* transaction nesting */
  int         schema_version;
};

G_DEFINE_FINAL_TYPE (SlDatabase, sl_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sl-database-error-quark, sl_database_error)

/* Migration N is migrations/NNNN-*.sql in the core resource. */
static const char * const migrations[] = {
  NULL,
  "0001-initial.sql",
  "0002-sync.sql",
  "0003-sync-client.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SL_DATABASE_SCHEMA_VERSION + 1);

void
sl_statement_release (SlStatement *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static int
error_code_for_sqlite (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      return SL_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SL_DATABASE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SL_DATABASE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
      return SL_DATABASE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return SL_DATABASE_ERROR_NOT_A_WORKSPACE;
    default:
      return SL_DATABASE_ERROR_FAILED;
    }
}

void
sl_database_set_error (SlDatabase  *self,
                       GError     **error,
                       const char  *what)
{
  int code;

  g_return_if_fail (SL_IS_DATABASE (self));

  code = sqlite3_extended_errcode (self->handle);
  g_set_error (error, SL_DATABASE_ERROR, error_code_for_sqlite (code),
               /* Translators: the first %s is what was being done, the second SQLite's message */
               _("%s: %s"), what, sqlite3_errmsg (self->handle));
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* Checks an existing file without SQLite, so that nothing can be written
 * to a file we then refuse: it must be a SQLite file of its full length,
 * and either a Sunlight workspace or an empty database. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[] = "SQLite format 3";
  guint8 header[HEADER_SIZE];
  g_autofree char *wal = NULL;
  GStatBuf st;
  FILE *fp;
  size_t n;
  guint32 page_size, n_pages, user_version, app_id;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, SL_DATABASE_ERROR,
                   saved_errno == ENOENT ? SL_DATABASE_ERROR_NOT_FOUND : SL_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a file name, then the reason */
                   _("Cannot open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_WORKSPACE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Sunlight workspace: it is not a SQLite database"), path);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  user_version = read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  wal = g_strconcat (path, "-wal", NULL);
  if (g_stat (path, &st) == 0 &&
      !g_file_test (wal, G_FILE_TEST_EXISTS) &&
      read_be32 (header + 24) == read_be32 (header + 92) &&
      (guint64)st.st_size < (guint64)n_pages * page_size)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("“%s” is damaged: the file is shorter than its contents (truncated?)"), path);
      return FALSE;
    }

  if (app_id != SL_DATABASE_APPLICATION_ID && (app_id != 0 || user_version != 0))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_WORKSPACE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Sunlight workspace: it is a database of another program"), path);
      return FALSE;
    }

  if (user_version > SL_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW,
                   /* Translators: %s is a file name, the numbers are schema versions */
                   _("“%s” was written by a newer version of Sunlight (workspace format %u; this version reads up to %u)"),
                   path, user_version, (guint)SL_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_writable (const char  *path,
                gboolean     exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* Root may write anywhere, so look at the mode bits too: a file its
   * owner marked read-only stays untouched. */
  if (exists && (g_stat (path, &st) != 0 || (st.st_mode & S_IWUSR) == 0 || g_access (path, W_OK) != 0))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_READ_ONLY,
                   /* Translators: %s is a file name */
                   _("“%s” is read-only: Sunlight needs to write to a workspace to open it"), path);
      return FALSE;
    }

  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_READ_ONLY,
                   /* Translators: %s is a folder name */
                   _("The folder “%s” is read-only: Sunlight keeps its journal beside the workspace"), dir);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure_connection (SlDatabase  *self,
                      GError     **error)
{
  sqlite3_busy_timeout (self->handle, 5000);
  sqlite3_extended_result_codes (self->handle, TRUE);

  return sl_database_exec (self,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA trusted_schema = OFF;"
                           "PRAGMA cache_size = -16000;",
                           error);
}

static gboolean
read_schema_version (SlDatabase  *self,
                     gint64      *app_id,
                     GError     **error)
{
  gint64 version = 0;

  if (!sl_database_query_int64 (self, "PRAGMA application_id", app_id, error) ||
      !sl_database_query_int64 (self, "PRAGMA user_version", &version, error))
    return FALSE;

  self->schema_version = (int)version;
  return TRUE;
}

static gboolean
take_backup (SlDatabase  *self,
             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *path = NULL;
  g_autoptr(SlStatement) stmt = NULL;

  path = g_strdup_printf ("%s.v%d-%s.bak", self->path, self->schema_version, stamp);
  stmt = sl_database_prepare (self, "VACUUM INTO ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  if (!sl_database_step_done (self, stmt, error))
    {
      g_prefix_error (error, _("Could not back up the workspace before upgrading it: "));
      return FALSE;
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
apply_migration (SlDatabase  *self,
                 int          version,
                 GError     **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PATH, migrations[version], NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragma = NULL;

  bytes = g_resources_lookup_data (resource, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* Only integers from this file go into the pragma, never data. */
  pragma = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                            version, SL_DATABASE_APPLICATION_ID);

  if (!sl_database_begin (self, error))
    return FALSE;
  if (!sl_database_exec (self, sql, error) || !sl_database_exec (self, pragma, error))
    {
      sl_database_rollback (self);
      g_prefix_error (error, _("Could not upgrade the workspace to format %d: "), version);
      return FALSE;
    }
  if (!sl_database_commit (self, error))
    return FALSE;

  self->schema_version = version;
  return TRUE;
}

static gboolean
migrate (SlDatabase  *self,
         GError     **error)
{
  if (self->schema_version == SL_DATABASE_SCHEMA_VERSION)
    return TRUE;

  if (self->schema_version > 0 && !take_backup (self, error))
    return FALSE;

  for (int v = self->schema_version + 1; v <= SL_DATABASE_SCHEMA_VERSION; v++)
    if (!apply_migration (self, v, error))
      return FALSE;

  return TRUE;
}

static gboolean
sl_database_open_internal (SlDatabase       *self,
                           SlDatabaseFlags   flags,
                           GError          **error)
{
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  gint64 app_id = 0;
  int rc;

  if ((flags & SL_DATABASE_CREATE) && exists)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_EXISTS,
                   /* Translators: %s is a file name */
                   _("“%s” already exists; choose another name"), self->path);
      return FALSE;
    }
  if (!(flags & SL_DATABASE_CREATE) && !check_header (self->path, error))
    return FALSE;
  if (!check_writable (self->path, exists, error))
    return FALSE;

  if (flags & SL_DATABASE_CREATE)
    open_flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (self->path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SL_DATABASE_ERROR, error_code_for_sqlite (rc),
                   /* Translators: %s is a file name, then SQLite's message */
                   _("Cannot open “%s”: %s"), self->path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return FALSE;
    }

  if (!read_schema_version (self, &app_id, error))
    {
      g_prefix_error (error, _("Cannot read “%s”: "), self->path);
      return FALSE;
    }
  if (self->schema_version > SL_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Sunlight (workspace format %u; this version reads up to %u)"),
                   self->path, (guint)self->schema_version, (guint)SL_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  return configure_connection (self, error) && migrate (self, error);
}

static void
sl_database_finalize (GObject *object)
{
  SlDatabase *self = (SlDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (sl_database_parent_class)->finalize (object);
}

static void
sl_database_class_init (SlDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_database_finalize;

  /* Before SQLite's first use: no global allocation statistics, whose
   * mutex costs every insert of a large import. (If SQLite was used
   * already, this fails harmlessly.) */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
sl_database_init (SlDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)sqlite3_finalize);
}

/**
 * sl_database_open:
 * @path: the workspace file
 * @flags: whether to create it
 * @error: a location for an error
 *
 * Opens a workspace file, migrating it to the current schema (after a
 * backup copy) when it is older. A file that is missing, not SQLite,
 * truncated, from a newer Sunlight or read-only is refused with an error
 * naming it, and left byte-for-byte as it was.
 */
SlDatabase *
sl_database_open (const char       *path,
                  SlDatabaseFlags   flags,
                  GError          **error)
{
  g_autoptr(SlDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SL_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!sl_database_open_internal (self, flags, error))
    {
      if ((flags & SL_DATABASE_CREATE) && self->handle != NULL)
        {
          /* Do not leave a half-made workspace behind. */
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_clear_pointer (&self->statements, g_hash_table_unref);
          sqlite3_close_v2 (g_steal_pointer (&self->handle));
          g_unlink (path);
          g_unlink (wal);
          g_unlink (shm);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
sl_database_get_path (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
sl_database_get_handle (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->handle;
}

int
sl_database_get_schema_version (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), 0);
  return self->schema_version;
}

const char *
sl_database_get_backup_path (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  return self->backup_path;
}

SlStatement *
sl_database_prepare (SlDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sl_database_set_error (self, error, _("Could not prepare a query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
sl_database_step_done (SlDatabase   *self,
                       SlStatement  *stmt,
                       GError      **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      sl_database_set_error (self, error, _("Could not write to the workspace"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
sl_database_step_row (SlDatabase   *self,
                      SlStatement  *stmt,
                      gboolean     *has_row,
                      GError      **error)
{
  int rc;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  rc = sqlite3_step (stmt);
  *has_row = (rc == SQLITE_ROW);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      sl_database_set_error (self, error, _("Could not read from the workspace"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_database_exec (SlDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      sl_database_set_error (self, error, _("The workspace refused a change"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_database_query_int64 (SlDatabase  *self,
                         const char  *sql,
                         gint64      *out,
                         GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (self, sql, error);
  if (stmt == NULL || !sl_database_step_row (self, stmt, &has_row, error))
    return FALSE;

  *out = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gint64
sl_database_last_insert_id (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), 0);
  return sqlite3_last_insert_rowid (self->handle);
}

gboolean
sl_database_begin (SlDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);

  /* Savepoint names are built from a counter, never from data. */
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT sl_%u", self->depth);
  if (!sl_database_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
sl_database_commit (SlDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE sl_%u", self->depth - 1);
  if (!sl_database_exec (self, sql, error))
    {
      sl_database_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
sl_database_rollback (SlDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SL_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO sl_%u; RELEASE sl_%u", self->depth - 1, self->depth - 1);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));

  self->depth--;
}

gboolean
sl_database_in_transaction (SlDatabase *self)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  return self->depth > 0;
}

gboolean
sl_database_transaction (SlDatabase         *self,
                         SlTransactionFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!sl_database_begin (self, error))
    return FALSE;

  if (!func (user_data, error))
    {
      sl_database_rollback (self);
      return FALSE;
    }

  return sl_database_commit (self, error);
}
