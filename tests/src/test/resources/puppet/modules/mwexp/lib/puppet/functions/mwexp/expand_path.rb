# mwexp's test double of an expand_path lookup_key backend: a key a::b::c is looked up in the
# file <level path>/a/b.yaml (hiera passes each level's directory as options['path']).
require 'yaml'

Puppet::Functions.create_function(:'mwexp::expand_path') do
  dispatch :lookup_key do
    param 'Variant[String, Numeric]', :key
    param 'Hash', :options
    param 'Puppet::LookupContext', :context
  end

  def lookup_key(key, options, context)
    parts = key.to_s.split('::')
    return context.not_found if parts.size < 2
    file = File.join(options['path'], *parts[0..-2]) + '.yaml'
    return context.not_found unless File.file?(file)
    data = context.cached_file_data(file) { |content| YAML.safe_load(content) || {} }
    data.is_a?(Hash) && data.key?(key.to_s) ? data[key.to_s] : context.not_found
  end
end
