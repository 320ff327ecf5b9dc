# Shared by bench/million.sh and bench/models-cost.sh (sourced, not run): their study, 2-2-1 XOR with bias, 100
# epochs, learning rate 0.5, one network per seed.

# write_million_study FILE NETWORKS: writes the study with NETWORKS seeds (0 .. NETWORKS-1) to FILE.
write_million_study() {
  cat >"$1" <<CONF
study {
  name = "million"
  datasets = [ { name = "xor", path = "data/xor.csv", outputs = 1 } ]
  models = [hidden]
  hidden { sizes = [2] }
  learning-rates = [0.5]
  epochs = [100]
  bias = [true]
  seeds = { from = 0, count = $2 }
}
CONF
}
