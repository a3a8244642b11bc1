/* The replica layout experiment (BENCHMARKS.md, "Local replica"): SQLite's own cost of
 * the upserts the replica and the plain reference make, with no Swift at all.
 * 100,000 rows x 8 text fields, one transaction per round; round 0 inserts, round 1
 * writes newer values over them. Process CPU time.
 *
 *   gcc -O2 bench/layout-experiment.c -lsqlite3 -o /tmp/layout && /tmp/layout [plain|current|packed|...]
 *
 * plain    the reference: 8 value columns, conditional upsert
 * current  the replica's layout: value, stamp, site per register, merged with CASE
 * packed   values in columns and every stamp in one BLOB, merged in the program
 * blob     one BLOB per register: 8-byte big-endian stamp, 8-byte site, value JSON (null =
 *          empty suffix), so that byte order is the merge rule: one comparison a register
 * *nr      the same as WITHOUT ROWID tables
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define N 100000
#define F 8
#ifndef CACHE
#define CACHE ""
#endif
static double now(){struct timespec t;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec/1e9;}
static unsigned char ids[N][16]; static char vals[2][N][F][48];
static void ex(sqlite3*db,const char*s){char*e=0;if(sqlite3_exec(db,s,0,0,&e)){fprintf(stderr,"%s\n%s\n",e,s);exit(1);}}
static sqlite3* open_db(const char*p){sqlite3*db;remove(p);char w[256];sprintf(w,"%s-wal",p);remove(w);sqlite3_open(p,&db);ex(db,"PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;" CACHE "");return db;}
static const char*cols[9]={"company","role","status","date","url","location","source","snapshot","posting"};
static int colOf[F]={0,1,2,3,4,5,6,8};
static void plain(const char*p){
  sqlite3*db=open_db(p);
  ex(db,"CREATE TABLE plain(id BLOB PRIMARY KEY NOT NULL, company TEXT, role TEXT, status TEXT, date TEXT, url TEXT, location TEXT, source TEXT, posting TEXT)");
  const char*sql="INSERT INTO plain VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET company=excluded.company,role=excluded.role,status=excluded.status,date=excluded.date,url=excluded.url,location=excluded.location,source=excluded.source,posting=excluded.posting WHERE excluded.company IS NOT company OR excluded.role IS NOT role OR excluded.status IS NOT status OR excluded.date IS NOT date OR excluded.url IS NOT url OR excluded.location IS NOT location OR excluded.source IS NOT source OR excluded.posting IS NOT posting";
  for(int r=0;r<2;r++){double t=now();ex(db,"BEGIN");sqlite3_stmt*st;sqlite3_prepare_v2(db,sql,-1,&st,0);
    for(int i=0;i<N;i++){sqlite3_bind_blob(st,1,ids[i],16,SQLITE_STATIC);for(int f=0;f<F;f++)sqlite3_bind_text(st,f+2,vals[r][i][f],-1,SQLITE_STATIC);sqlite3_step(st);sqlite3_reset(st);}
    sqlite3_finalize(st);ex(db,"COMMIT");printf("plain r%d %.3f\n",r,now()-t);}
  ex(db,"PRAGMA wal_checkpoint(TRUNCATE)");sqlite3_close(db);
}
/* packed: values in columns, stamps blob: 10 registers x (8 hlc + 2 site) */
static void packed(const char*p,int norowid){
  sqlite3*db=open_db(p);
  char c[2000];sprintf(c,"CREATE TABLE t(id BLOB PRIMARY KEY NOT NULL, parent BLOB, version INTEGER NOT NULL, cl INTEGER NOT NULL DEFAULT 1, pos TEXT, f_company TEXT, f_role TEXT, f_status TEXT, f_date TEXT, f_url TEXT, f_location TEXT, f_source TEXT, f_snapshot TEXT, f_posting TEXT, stamps BLOB NOT NULL)%s",norowid?" WITHOUT ROWID":"");ex(db,c);
  const char*ins="INSERT INTO t(id,parent,version,cl,pos,f_company,f_role,f_status,f_date,f_url,f_location,f_source,f_snapshot,f_posting,stamps) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING";
  const char*sel="SELECT stamps,f_company,f_role,f_status,f_date,f_url,f_location,f_source,f_snapshot,f_posting,pos FROM t WHERE id=?";
  const char*upd="UPDATE t SET version=?,f_company=?,f_role=?,f_status=?,f_date=?,f_url=?,f_location=?,f_source=?,f_snapshot=?,f_posting=?,stamps=? WHERE id=?";
  unsigned char stamps[120];
  for(int r=0;r<2;r++){double t=now();ex(db,"BEGIN");sqlite3_stmt*si,*ss,*su;sqlite3_prepare_v2(db,ins,-1,&si,0);sqlite3_prepare_v2(db,sel,-1,&ss,0);sqlite3_prepare_v2(db,upd,-1,&su,0);
    for(int i=0;i<N;i++){
      memset(stamps,0,120);for(int k=0;k<120;k++)stamps[k]=(unsigned char)(i+k+r);
      sqlite3_bind_blob(si,1,ids[i],16,SQLITE_STATIC);sqlite3_bind_null(si,2);sqlite3_bind_int64(si,3,r+1);sqlite3_bind_int(si,4,1);sqlite3_bind_null(si,5);
      for(int k=0;k<9;k++)sqlite3_bind_null(si,6+k);
      for(int f=0;f<F;f++)sqlite3_bind_text(si,6+colOf[f],vals[r][i][f],-1,SQLITE_STATIC);
      sqlite3_bind_blob(si,15,stamps,100,SQLITE_STATIC);
      sqlite3_step(si);sqlite3_reset(si);
      if(sqlite3_changes(db)==0){
        sqlite3_bind_blob(ss,1,ids[i],16,SQLITE_STATIC);
        if(sqlite3_step(ss)==SQLITE_ROW){const void*b=sqlite3_column_blob(ss,0);int n=sqlite3_column_bytes(ss,0);(void)b;(void)n;
          /* merge: pretend all incoming win */
          sqlite3_bind_int64(su,1,r+1);for(int k=0;k<9;k++)sqlite3_bind_null(su,2+k);
          for(int f=0;f<F;f++)sqlite3_bind_text(su,2+colOf[f],vals[r][i][f],-1,SQLITE_STATIC);
          sqlite3_bind_blob(su,11,stamps,100,SQLITE_STATIC);sqlite3_bind_blob(su,12,ids[i],16,SQLITE_STATIC);
        }
        sqlite3_reset(ss);sqlite3_step(su);sqlite3_reset(su);
      }
    }
    sqlite3_finalize(si);sqlite3_finalize(ss);sqlite3_finalize(su);ex(db,"COMMIT");printf("packed%s r%d %.3f\n",norowid?"-norowid":"",r,now()-t);}
  ex(db,"PRAGMA wal_checkpoint(TRUNCATE)");sqlite3_close(db);
}
/* current layout: 3 columns per register, merge in SQL */
static void current(const char*p,int norowid){
  sqlite3*db=open_db(p);
  ex(db,"CREATE TABLE site (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE); INSERT INTO site VALUES(1,'aaaaaaaaaaaaaaaa');");
  char c[4000]="CREATE TABLE t(id BLOB PRIMARY KEY NOT NULL, parent BLOB, version INTEGER NOT NULL, cl INTEGER NOT NULL DEFAULT 1, cl_hlc INTEGER, cl_site INTEGER, pos TEXT, pos_hlc INTEGER, pos_site INTEGER";
  for(int k=0;k<9;k++){char b[200];sprintf(b,", f_%s TEXT, f_%s_hlc INTEGER, f_%s_site INTEGER",cols[k],cols[k],cols[k]);strcat(c,b);}
  strcat(c,norowid?") WITHOUT ROWID":")");ex(db,c);
  /* build merge sql */
  static char sql[40000];strcpy(sql,"INSERT INTO t(id,parent,version,cl,cl_hlc,cl_site,pos,pos_hlc,pos_site");
  for(int k=0;k<9;k++){char b[200];sprintf(b,",f_%s,f_%s_hlc,f_%s_site",cols[k],cols[k],cols[k]);strcat(sql,b);}
  strcat(sql,") VALUES(?");for(int k=1;k<36;k++)strcat(sql,",?");strcat(sql,") ON CONFLICT(id) DO UPDATE SET version=excluded.version");
  for(int k=0;k<9;k++){char w[1000],b[4000];const char*n=cols[k];
    sprintf(w,"(excluded.f_%s_hlc > f_%s_hlc OR (f_%s_hlc IS NULL AND excluded.f_%s_hlc IS NOT NULL) OR (excluded.f_%s_hlc = f_%s_hlc AND ((excluded.f_%s_site <> f_%s_site AND (SELECT id FROM site WHERE idx=excluded.f_%s_site) > (SELECT id FROM site WHERE idx=f_%s_site)) OR (excluded.f_%s_site = f_%s_site AND ((f_%s='null' AND excluded.f_%s<>'null') OR (excluded.f_%s<>'null' AND excluded.f_%s > f_%s))))))",n,n,n,n,n,n,n,n,n,n,n,n,n,n,n,n,n);
    sprintf(b,", f_%s = CASE WHEN %s THEN excluded.f_%s ELSE f_%s END, f_%s_hlc = CASE WHEN %s THEN excluded.f_%s_hlc ELSE f_%s_hlc END, f_%s_site = CASE WHEN %s THEN excluded.f_%s_site ELSE f_%s_site END",n,w,n,n,n,w,n,n,n,w,n,n);strcat(sql,b);}
  for(int r=0;r<2;r++){double t=now();ex(db,"BEGIN");sqlite3_stmt*st;if(sqlite3_prepare_v2(db,sql,-1,&st,0)){fprintf(stderr,"%s\n",sqlite3_errmsg(db));exit(1);}
    for(int i=0;i<N;i++){for(int k=1;k<=36;k++)sqlite3_bind_null(st,k);
      sqlite3_bind_blob(st,1,ids[i],16,SQLITE_STATIC);sqlite3_bind_int64(st,3,r+1);sqlite3_bind_int(st,4,1);
      for(int f=0;f<F;f++){int k=colOf[f];sqlite3_bind_text(st,10+3*k,vals[r][i][f],-1,SQLITE_STATIC);sqlite3_bind_int64(st,11+3*k,(long long)(r*10000000+i*8+f));sqlite3_bind_int(st,12+3*k,1);}
      sqlite3_step(st);sqlite3_reset(st);}
    sqlite3_finalize(st);ex(db,"COMMIT");printf("current%s r%d %.3f\n",norowid?"-norowid":"",r,now()-t);}
  ex(db,"PRAGMA wal_checkpoint(TRUNCATE)");sqlite3_close(db);
}
/* blob: one column per register, stamp + site + value in one BLOB; byte order = merge rule */
static void blob(const char*p){
  sqlite3*db=open_db(p);
  char c[4000]="CREATE TABLE t(id BLOB PRIMARY KEY NOT NULL, parent BLOB, version INTEGER NOT NULL, cl INTEGER NOT NULL DEFAULT 1, cl_r BLOB, r_pos BLOB";
  for(int k=0;k<9;k++){char b[400];
    if(getenv("GEN"))sprintf(b,", r_%s BLOB NOT NULL DEFAULT x'', f_%s TEXT GENERATED ALWAYS AS (CASE WHEN length(r_%s) > 16 THEN CAST(substr(r_%s, 17) AS TEXT) WHEN length(r_%s) = 16 THEN 'null' END) VIRTUAL",cols[k],cols[k],cols[k],cols[k],cols[k]);
    else sprintf(b,", r_%s BLOB",cols[k]);strcat(c,b);}
  strcat(c,")");ex(db,c);
  if(getenv("TRIGGER"))ex(db,"CREATE TRIGGER t_parent BEFORE UPDATE OF parent ON t WHEN NEW.parent IS NOT OLD.parent BEGIN SELECT RAISE(ABORT, 'x'); END");
  static char sql[40000];strcpy(sql,"INSERT INTO t(id,parent,version");
  for(int f=0;f<F;f++){char b[200];sprintf(b,",r_%s",cols[colOf[f]]);strcat(sql,b);}
  strcat(sql,") VALUES(?,?,?");for(int k=0;k<F;k++)strcat(sql,",?");strcat(sql,") ON CONFLICT(id) DO UPDATE SET version=excluded.version");
  if(getenv("TRIGGER"))strcat(sql,", parent=excluded.parent");
  char where[8000]=" WHERE 0";
  for(int f=0;f<F;f++){const char*n=cols[colOf[f]];char b[400];
    sprintf(b,", r_%s = CASE WHEN excluded.r_%s > r_%s OR r_%s IS NULL THEN excluded.r_%s ELSE r_%s END",n,n,n,n,n,n);strcat(sql,b);
    sprintf(b," OR excluded.r_%s > r_%s OR r_%s IS NULL",n,n,n);strcat(where,b);}
  strcat(sql,where);
  static unsigned char reg[F][64];
  for(int r=0;r<2;r++){double t=now();ex(db,"BEGIN");sqlite3_stmt*st;if(sqlite3_prepare_v2(db,sql,-1,&st,0)){fprintf(stderr,"%s\n",sqlite3_errmsg(db));exit(1);}
    for(int i=0;i<N;i++){
      sqlite3_bind_blob(st,1,ids[i],16,SQLITE_STATIC);sqlite3_bind_null(st,2);sqlite3_bind_int64(st,3,r+1);
      for(int f=0;f<F;f++){unsigned long long h=(unsigned long long)(r*10000000+i*8+f);for(int b=0;b<8;b++){reg[f][b]=(h>>(56-8*b))&255;reg[f][8+b]=0xaa;}
        int n=strlen(vals[r][i][f]);reg[f][16]='"';memcpy(reg[f]+17,vals[r][i][f],n);reg[f][17+n]='"';
        sqlite3_bind_blob(st,4+f,reg[f],18+n,SQLITE_STATIC);}
      sqlite3_step(st);sqlite3_reset(st);}
    sqlite3_finalize(st);ex(db,"COMMIT");printf("blob r%d %.3f\n",r,now()-t);}
  ex(db,"PRAGMA wal_checkpoint(TRUNCATE)");sqlite3_close(db);
}
int main(int argc,char**argv){
  srand(42);
  for(int i=0;i<N;i++){unsigned long long ms=1700000000000ULL+i/50;for(int b=0;b<6;b++)ids[i][b]=(ms>>(40-8*b))&255;for(int b=6;b<16;b++)ids[i][b]=rand()&255;
    for(int r=0;r<2;r++)for(int f=0;f<F;f++)sprintf(vals[r][i][f],"value %d of field %d round %d xx",i,f,r);}
  const char*which=argc>1?argv[1]:"all";
  if(!strcmp(which,"all")||!strcmp(which,"plain"))plain("/tmp/layout-plain.db");
  if(!strcmp(which,"all")||!strcmp(which,"current"))current("/tmp/layout-cur.db",0);
  if(!strcmp(which,"all")||!strcmp(which,"currentnr"))current("/tmp/layout-curnr.db",1);
  if(!strcmp(which,"all")||!strcmp(which,"packed"))packed("/tmp/layout-packed.db",0);
  if(!strcmp(which,"all")||!strcmp(which,"packednr"))packed("/tmp/layout-packednr.db",1);
  if(!strcmp(which,"all")||!strcmp(which,"blob"))blob("/tmp/layout-blob.db");
  return 0;}
