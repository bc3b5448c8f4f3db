#!/usr/bin/env bash
# A private one-node Slurm cluster on this machine, for the test that runs
# examples/ci/slurm-array.sh for real: munged, slurmctld and slurmd, all
# under DIR, on free loopback ports, as root.
#   tests/slurm/cluster.sh start DIR   prints "ok" once sinfo answers, or why not
#   tests/slurm/cluster.sh stop DIR
# Jobs are then submitted with SLURM_CONF=DIR/slurm.conf.
set -uo pipefail
action="$1"
dir="$2"

stop() {
  local pids=() pidfile
  for pidfile in "$dir"/slurmd.pid "$dir"/slurmctld.pid "$dir"/munged.pid; do
    [ -f "$pidfile" ] && pids+=("$(cat "$pidfile")")
  done
  [ ${#pids[@]} -eq 0 ] && return 0
  kill "${pids[@]}" 2>/dev/null
  for _ in $(seq 50); do  # Up to 5 s to shut down, then killed.
    kill -0 "${pids[@]}" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "${pids[@]}" 2>/dev/null
  return 0
}

if [ "$action" = stop ]; then stop; exit 0; fi

fail() { echo "cannot start Slurm: $*"; stop; exit 0; }
[ "$(id -u)" -eq 0 ] || fail "not root"
for tool in munged slurmctld slurmd sbatch sinfo; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (packages munge, slurmctld, slurmd, slurm-client)"
done
mkdir -p "$dir/state" "$dir/spool"
chmod 700 "$dir"

# munge: a key of our own and a socket in DIR.
dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none
chmod 400 "$dir/munge.key"
munged --force --key-file="$dir/munge.key" --socket="$dir/munge.sock" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge.seed" \
  || fail "munged did not start: $(tail -1 "$dir/munged.log" 2>/dev/null)"

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
host=$(hostname -s)
cat > "$dir/slurm.conf" <<CONF
ClusterName=brieftest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge.sock
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SchedulerType=sched/builtin
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -i || fail "slurmctld did not start: $(tail -1 "$dir/slurmctld.log" 2>/dev/null)"
slurmd || fail "slurmd did not start: $(tail -1 "$dir/slurmd.log" 2>/dev/null)"
for _ in $(seq 100); do
  state=$(sinfo -h -o %T 2>/dev/null | head -1)
  case "$state" in idle*|mix*|alloc*) echo ok; exit 0 ;; esac
  sleep 0.1
done
fail "the node did not come up (state '${state:-none}'): $(tail -1 "$dir/slurmctld.log" 2>/dev/null)"
