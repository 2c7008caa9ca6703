-- H2 (embedded default) has no SQL trigger bodies, only Java trigger classes; append-only is
-- enforced on MySQL by V11 there. Kept so migration versions line up across vendors.
SELECT 1;
